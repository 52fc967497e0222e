/**
 * The KMS operations over the keystore, free of HTTP: each takes a request already validated by
 * the shared schema and returns the wire response, or throws a KmsError with the service's code.
 */
import type { KmsOperation, KmsRequest, KmsResponse } from '../../shared/kms';
import type { Keystore } from '../keystore/keystore';
import { createDataOperations } from './data-operations';
import { createKeyOperations } from './key-operations';
import type { ServiceIdentity } from './key-rules';

export { allowedUsages, defaultKeyUsage, type ServiceIdentity } from './key-rules';

export type OperationHandlers = {
  [Op in KmsOperation]: (request: KmsRequest<Op>) => Promise<KmsResponse<Op>>;
};

export function createOperations(store: Keystore, identity: ServiceIdentity): OperationHandlers {
  return { ...createDataOperations(store), ...createKeyOperations(store, identity) };
}
