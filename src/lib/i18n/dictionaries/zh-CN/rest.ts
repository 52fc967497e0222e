import type { Messages } from '../types';
import type { RestMessages } from '../en';
import { audit } from './audit';
import { decrypt } from './decrypt';
import { errors } from './errors';
import { history } from './history';
import { keyDetails } from './key-details';
import { result } from './result';
import { signIn } from './sign-in';

/** 简体中文, everything after the first view (see en/rest.ts). */
export const zhCNRest: Messages<RestMessages> = {
  ...decrypt,
  ...history,
  ...audit,
  ...errors,
  ...result,
  ...keyDetails,
  ...signIn,
};
