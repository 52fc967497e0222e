/** What the service says about the project: quotas and the number of keys (§8.4). */
import { GRANTS_PER_KEY_MAX } from '../../shared/kms';
import type { OperationContext, OperationGroup } from './operation-group';

/** The CMK quota reported; the local KMS enforces none below what a bench creates. */
export const CMK_QUOTA = 100_000;

export function metaOperations({
  store,
}: OperationContext): OperationGroup<'show-user-quotas' | 'show-user-instances'> {
  return {
    async 'show-user-quotas'() {
      const keys = store.list();
      // The busiest key's grants against the per-key limit: the figure that can run out.
      const grantsUsed = keys.reduce((most, key) => Math.max(most, key.metadata.grants.length), 0);
      return {
        quotas: {
          resources: [
            { type: 'CMK', used: keys.length, quota: CMK_QUOTA },
            { type: 'grant_per_CMK', used: grantsUsed, quota: GRANTS_PER_KEY_MAX },
          ],
        },
      };
    },

    async 'show-user-instances'() {
      return { instance_num: store.list().length };
    },
  };
}
