/** The shape every operation group shares: handlers by operation name over one context. */
import type { KmsOperation, KmsRequest, KmsResponse } from '../../shared/kms';
import type { Keystore } from '../keystore/keystore';
import type { ServiceIdentity } from './key-rules';

export interface OperationContext {
  store: Keystore;
  identity: ServiceIdentity;
  /** Epoch milliseconds; tests drive it to make scheduled rotations fall due. */
  now: () => number;
}

/** Handlers for some operations: each takes a schema-checked request, throws only KmsErrors. */
export type OperationGroup<Op extends KmsOperation> = {
  [Name in Op]: (request: KmsRequest<Name>) => Promise<KmsResponse<Name>>;
};

/** Every operation of the wire contract: a missing handler is a compile error. */
export type OperationHandlers = OperationGroup<KmsOperation>;
