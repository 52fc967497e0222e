import type { Dictionary } from '../en';
import { decrypt } from './decrypt';
import { encrypt } from './encrypt';
import { errors } from './errors';
import { history } from './history';
import { keys } from './keys';
import { shell } from './shell';
import { validation } from './validation';

/** 简体中文. Loaded on demand: only users who choose Chinese download it. */
export const zhCN: Dictionary = {
  ...shell,
  ...keys,
  ...encrypt,
  ...decrypt,
  ...history,
  ...validation,
  ...errors,
};
