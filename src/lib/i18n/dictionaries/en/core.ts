import { encrypt } from './encrypt';
import { files } from './files';
import { keys } from './keys';
import { shell } from './shell';
import { validation } from './validation';

/**
 * What the first view (the Encrypt page and the shell around it) says: loaded before the first
 * paint. Everything else is in rest.ts, fetched right after it.
 */
export const enCore = {
  ...shell,
  ...keys,
  ...encrypt,
  ...files,
  ...validation,
} as const;
