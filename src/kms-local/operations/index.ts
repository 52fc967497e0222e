/**
 * The KMS operations over the keystore, free of HTTP: each takes a request already validated by
 * the shared schema and returns the wire response, or throws a KmsError with the service's code.
 * One group per file; the server's dispatcher finds a handler by its operation name.
 */
import type { Keystore } from '../keystore/keystore';
import { aliasOperations } from './alias-operations';
import { grantOperations } from './grant-operations';
import { metaOperations } from './meta-operations';
import { rotationOperations } from './rotation-operations';
import { RotationSchedule } from './rotation-schedule';
import { withScheduledRotation } from './scheduled-operations';
import { tagOperations } from './tag-operations';
import { dataKeyOperations } from './datakey-operations';
import { encryptionOperations } from './encryption-operations';
import { keyLifecycleOperations } from './key-lifecycle';
import { keyQueryOperations } from './key-queries';
import { macOperations } from './mac-operations';
import { randomOperations } from './random-operations';
import { reEncryptOperation } from './reencrypt-operation';
import { signOperations } from './sign-operations';
import type { ServiceIdentity } from './key-rules';
import type { OperationHandlers } from './operation-group';

export { allowedUsages, defaultKeyUsage, type ServiceIdentity } from './key-rules';
export type { OperationHandlers } from './operation-group';
export { RotationSchedule } from './rotation-schedule';

export interface OperationOptions {
  /** The clock of dates and scheduled rotation (epoch ms); tests drive it. */
  now?: () => number;
  /** The rotation schedule, when its owner also runs it on a timer. */
  rotation?: RotationSchedule;
}

export function createOperations(
  store: Keystore,
  identity: ServiceIdentity,
  options: OperationOptions = {},
): OperationHandlers {
  const now = options.now ?? Date.now;
  const context = { store, identity, now };
  const handlers: OperationHandlers = {
    ...encryptionOperations(context),
    ...keyQueryOperations(context),
    ...keyLifecycleOperations(context),
    ...dataKeyOperations(context),
    ...signOperations(context),
    ...macOperations(context),
    ...randomOperations(),
    ...reEncryptOperation(context),
    ...aliasOperations(context),
    ...tagOperations(context),
    ...rotationOperations(context),
    ...grantOperations(context),
    ...metaOperations(context),
  };
  return withScheduledRotation(handlers, options.rotation ?? new RotationSchedule(store, now));
}
