/** Creating keys and changing their state: create, enable, disable, deletion and its undoing. */
import { KmsError } from '../../shared/kms';
import { allowedUsages, defaultKeyUsage } from './key-rules';
import type { OperationContext, OperationGroup } from './operation-group';

const DAY_MS = 24 * 60 * 60 * 1000;

type LifecycleOperation =
  'create-key' | 'enable-key' | 'disable-key' | 'schedule-key-deletion' | 'cancel-key-deletion';

export function keyLifecycleOperations({
  store,
  identity,
}: OperationContext): OperationGroup<LifecycleOperation> {
  return {
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
        ...(request.enterprise_project_id !== undefined
          ? { enterpriseProjectId: request.enterprise_project_id }
          : {}),
        ...(request.keystore_id !== undefined ? { keystoreId: request.keystore_id } : {}),
      });
      return {
        key_info: {
          key_id: key.metadata.keyId,
          domain_id: identity.domainId,
          region_id: identity.region,
        },
      };
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
