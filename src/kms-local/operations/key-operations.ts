/** Key management: list, describe, public key, create, and the state changes. */
import { KmsError, type KmsOperation, type KmsRequest, type KmsResponse } from '../../shared/kms';
import type { Keystore } from '../keystore/keystore';
import {
  allowedUsages,
  defaultKeyUsage,
  keyDetails,
  requireKey,
  requireUsable,
  type ServiceIdentity,
} from './key-rules';

const DAY_MS = 24 * 60 * 60 * 1000;

type KeyOperation = Exclude<KmsOperation, 'encrypt-data' | 'decrypt-data'>;
export type KeyOperations = {
  [Op in KeyOperation]: (request: KmsRequest<Op>) => Promise<KmsResponse<Op>>;
};

export function createKeyOperations(store: Keystore, identity: ServiceIdentity): KeyOperations {
  return {
    async 'list-keys'(request) {
      const spec = request.key_spec ?? 'AES_256';
      const matching = store
        .list()
        .filter((key) => spec === 'ALL' || key.metadata.spec === spec)
        .filter(
          (key) => request.key_state === undefined || key.metadata.state === request.key_state,
        );
      const start = request.marker === undefined ? 0 : Number(request.marker);
      const limit = request.limit === undefined ? matching.length : Number(request.limit);
      const page = matching.slice(start, start + limit);
      const end = start + page.length;
      const truncated = end < matching.length;
      return {
        keys: page.map((key) => key.metadata.keyId),
        key_details: page.map((key) => keyDetails(key, identity)),
        next_marker: truncated ? String(end) : '',
        truncated: truncated ? 'true' : 'false',
        total: matching.length,
      };
    },

    async 'describe-key'(request) {
      return { key_info: keyDetails(requireKey(store, request.key_id), identity) };
    },

    async 'get-publickey'(request) {
      const key = requireKey(store, request.key_id);
      requireUsable(key);
      const material = key.material;
      if (material.kind === 'aes' || material.kind === 'sm4') {
        throw new KmsError('KMS.0308', 'A symmetric key has no public key.');
      }
      return { key_id: key.metadata.keyId, public_key: material.publicKeyPem };
    },

    async 'create-key'(request) {
      const spec = request.key_spec ?? 'AES_256';
      const usage = request.key_usage ?? defaultKeyUsage(spec);
      if (!allowedUsages(spec).includes(usage)) {
        throw new KmsError('KMS.0308', `A ${spec} key cannot have key_usage ${usage}.`);
      }
      if (request.origin === 'external') {
        throw new KmsError('KMS.0308', 'The local KMS does not import external key material.');
      }
      const key = await store.create({
        alias: request.key_alias,
        spec,
        usage,
        description: request.key_description ?? '',
        state: '2',
      });
      return { key_info: { key_id: key.metadata.keyId, domain_id: identity.domainId } };
    },

    async 'enable-key'(request) {
      const key = await store.update(request.key_id, (current) => {
        if (current.state === '4') throw new KmsError('KMS.0210');
        return { state: '2', scheduledDeletionDate: null };
      });
      return { key_info: { key_id: key.metadata.keyId, key_state: key.metadata.state } };
    },

    async 'disable-key'(request) {
      const key = await store.update(request.key_id, (current) => {
        if (current.state === '4') throw new KmsError('KMS.0210');
        return { state: '3', scheduledDeletionDate: null };
      });
      return { key_info: { key_id: key.metadata.keyId, key_state: key.metadata.state } };
    },

    async 'schedule-key-deletion'(request) {
      const key = await store.update(request.key_id, (current) => {
        if (current.state === '4') throw new KmsError('KMS.0210');
        return {
          state: '4',
          scheduledDeletionDate: Date.now() + Number(request.pending_days) * DAY_MS,
        };
      });
      return { key_id: key.metadata.keyId, key_state: key.metadata.state };
    },

    async 'cancel-key-deletion'(request) {
      // As in the cloud, a key whose deletion is cancelled comes back disabled.
      const key = await store.update(request.key_id, (current) => {
        if (current.state !== '4') {
          throw new KmsError('KMS.0308', 'The key is not scheduled for deletion.');
        }
        return { state: '3', scheduledDeletionDate: null };
      });
      return { key_id: key.metadata.keyId, key_state: key.metadata.state };
    },
  };
}
