import { decrypt } from './decrypt';
import { encrypt } from './encrypt';
import { errors } from './errors';
import { history } from './history';
import { keys } from './keys';
import { shell } from './shell';
import { validation } from './validation';

/**
 * English: the reference dictionary, one file per page or area. Every key here must exist in
 * every other language (the type of the other dictionaries enforces it, a unit test checks the
 * placeholders too).
 */
export const en = {
  ...shell,
  ...keys,
  ...encrypt,
  ...decrypt,
  ...history,
  ...validation,
  ...errors,
} as const;

export type MessageKey = keyof typeof en;
export type Dictionary = Readonly<Record<MessageKey, string>>;
