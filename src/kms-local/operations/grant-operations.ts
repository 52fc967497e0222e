/**
 * Grants (KMS-API-2.md §7) as records: created, listed, revoked, retired. The local KMS has
 * one identity, which issues every grant and may therefore retire every grant; grants are
 * kept and shown but grant nobody anything, since every caller already holds every right.
 */
import { randomBytes } from 'node:crypto';
import { GRANT_LIST_LIMIT_MAX, GRANTS_PER_KEY_MAX, KmsError, type Grant } from '../../shared/kms';
import { decimalOr } from '../../shared/kms/field-checks';
import type { StoredKey } from '../keystore/keystore';
import type { GrantRecord } from '../keystore/stored-key';
import { requireKey } from './key-rules';
import { millisText, offsetPage, requireNotPendingDeletion } from './management-rules';
import type { OperationContext, OperationGroup } from './operation-group';

type GrantOperation =
  'create-grant' | 'list-grants' | 'list-retirable-grants' | 'revoke-grant' | 'retire-grant';

function grantOnWire(keyId: string, grant: GrantRecord): Grant {
  return {
    key_id: keyId,
    grant_id: grant.grantId,
    grantee_principal: grant.granteePrincipal,
    grantee_principal_type: grant.granteePrincipalType,
    operations: [...grant.operations],
    issuing_principal: grant.issuingPrincipal,
    creation_date: millisText(grant.creationDate),
    name: grant.name,
    retiring_principal: grant.retiringPrincipal,
  };
}

const grantsOf = (key: StoredKey) =>
  key.metadata.grants.map((grant) => grantOnWire(key.metadata.keyId, grant));

function listing(
  grants: readonly Grant[],
  request: { limit?: string | number | undefined; marker?: string | number | undefined },
) {
  const { page, next_marker, truncated } = offsetPage(
    grants,
    decimalOr(request.marker, 0),
    decimalOr(request.limit, GRANT_LIST_LIMIT_MAX),
  );
  return { grants: page, next_marker, truncated, total: grants.length };
}

export function grantOperations({
  store,
  identity,
  now,
}: OperationContext): OperationGroup<GrantOperation> {
  /** Removes a grant from its key; the grant must exist and belong to that key. */
  const removeGrant = async (keyId: string, grantId: string) => {
    requireKey(store, keyId);
    const wanted = grantId.toLowerCase();
    await store.update(keyId, (current) => {
      if (!current.grants.some((grant) => grant.grantId === wanted)) {
        const elsewhere = store
          .list()
          .some((key) => key.metadata.grants.some((grant) => grant.grantId === wanted));
        throw elsewhere
          ? new KmsError('KMS.2502')
          : new KmsError('KMS.2501', `The grant ${grantId} does not exist.`);
      }
      return { grants: current.grants.filter((grant) => grant.grantId !== wanted) };
    });
    return {};
  };

  return {
    async 'create-grant'(request) {
      const grant: GrantRecord = {
        grantId: randomBytes(32).toString('hex'),
        granteePrincipal: request.grantee_principal,
        granteePrincipalType: request.grantee_principal_type ?? 'user',
        operations: [...new Set(request.operations)],
        issuingPrincipal: identity.domainId,
        creationDate: now(),
        name: request.name ?? '',
        retiringPrincipal: request.retiring_principal ?? '',
      };
      await store.update(request.key_id, (current) => {
        requireNotPendingDeletion(current);
        if (current.grants.length >= GRANTS_PER_KEY_MAX) {
          throw new KmsError('KMS.2404', `A key has at most ${GRANTS_PER_KEY_MAX} grants.`);
        }
        return { grants: [...current.grants, grant] };
      });
      return { grant_id: grant.grantId };
    },

    async 'list-grants'(request) {
      return listing(grantsOf(requireKey(store, request.key_id)), request);
    },

    async 'list-retirable-grants'(request) {
      return listing(store.list().flatMap(grantsOf), request);
    },

    async 'revoke-grant'(request) {
      return removeGrant(request.key_id, request.grant_id);
    },

    async 'retire-grant'(request) {
      return removeGrant(request.key_id, request.grant_id);
    },
  };
}
