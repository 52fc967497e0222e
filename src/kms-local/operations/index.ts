/**
 * The KMS operations over the keystore, free of HTTP: each takes a request already validated by
 * the shared schema and returns the wire response, or throws a KmsError with the service's code.
 * One group per file; the server's dispatcher finds a handler by its operation name.
 */
import type { Keystore } from '../keystore/keystore';
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

export function createOperations(store: Keystore, identity: ServiceIdentity): OperationHandlers {
  const context = { store, identity };
  return {
    ...encryptionOperations(context),
    ...keyQueryOperations(context),
    ...keyLifecycleOperations(context),
    ...dataKeyOperations(context),
    ...signOperations(context),
    ...macOperations(context),
    ...randomOperations(),
    ...reEncryptOperation(context),
  };
}
