import type { Messages } from '../types';
import type { CoreMessages } from '../en';
import { encrypt } from './encrypt';
import { files } from './files';
import { keys } from './keys';
import { shell } from './shell';
import { validation } from './validation';

/** 简体中文, first-view part (see en/core.ts). */
export const zhCNCore: Messages<CoreMessages> = {
  ...shell,
  ...keys,
  ...encrypt,
  ...files,
  ...validation,
};
