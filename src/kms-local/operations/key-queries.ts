/** Reading keys: list-keys, describe-key and get-publickey. */
import { requireCapability } from '../crypto/key-kinds';
import { keyDetails, requireKey, requireUsable } from './key-rules';
import type { OperationContext, OperationGroup } from './operation-group';

/** `all` (the default) lists every key; any other value, the keys of that project. */
function inEnterpriseProject(
  metadata: { enterpriseProjectId: string },
  project: string | undefined,
): boolean {
  return project === undefined || project === 'all' || metadata.enterpriseProjectId === project;
}

export function keyQueryOperations({
  store,
  identity,
}: OperationContext): OperationGroup<'list-keys' | 'describe-key' | 'get-publickey'> {
  return {
    async 'list-keys'(request) {
      const spec = request.key_spec ?? 'AES_256';
      const matching = store
        .list()
        .filter((key) => spec === 'ALL' || key.metadata.spec === spec)
        .filter(
          (key) => request.key_state === undefined || key.metadata.state === request.key_state,
        )
        .filter((key) => inEnterpriseProject(key.metadata, request.enterprise_project_id));
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
      const publicKey = requireCapability(key.capabilities.publicKeyPem);
      return { key_id: key.metadata.keyId, public_key: publicKey };
    },
  };
}
