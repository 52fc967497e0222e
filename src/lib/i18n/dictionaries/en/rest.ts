import { audit } from './audit';
import { decrypt } from './decrypt';
import { errors } from './errors';
import { history } from './history';
import { keyDetails } from './key-details';
import { result } from './result';
import { signIn } from './sign-in';

/** The other pages' messages and the error explanations: not needed for the first paint. */
export const enRest = {
  ...decrypt,
  ...history,
  ...audit,
  ...errors,
  ...result,
  ...keyDetails,
  ...signIn,
} as const;
