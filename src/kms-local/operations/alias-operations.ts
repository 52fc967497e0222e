/**
 * Names of keys (KMS-API-2.md §4): the alias API (create 201, list, delete 204, associate)
 * and update-key-alias / update-key-description. An alias of the alias API belongs to one key
 * at a time; associate moves it.
 */
import {
  ALIAS_LIST_LIMIT_MAX,
  KmsError,
  type AliasEntity,
  type KmsRequest,
} from '../../shared/kms';
import { decimalOr } from '../../shared/kms/field-checks';
import type { KeyAliasRecord } from '../keystore/stored-key';
import { requireKey, type ServiceIdentity } from './key-rules';
import { isoText, requireNotPendingDeletion } from './management-rules';
import type { OperationContext, OperationGroup } from './operation-group';

type AliasOperation =
  | 'create-alias'
  | 'list-aliases'
  | 'delete-alias'
  | 'associate-alias'
  | 'update-key-alias'
  | 'update-key-description';

function aliasEntity(
  identity: ServiceIdentity,
  keyId: string,
  record: KeyAliasRecord,
): AliasEntity {
  return {
    domain_id: identity.domainId,
    key_id: keyId,
    alias: record.alias,
    alias_urn: `kms:${identity.region}:${identity.domainId}:alias:${record.alias}`,
    create_time: isoText(record.createTime),
    update_time: isoText(record.updateTime),
  };
}

function unknownAlias(alias: string): KmsError {
  return new KmsError('KMS.0308', `The alias ${alias} does not exist.`);
}

export function aliasOperations({
  store,
  identity,
  now,
}: OperationContext): OperationGroup<AliasOperation> {
  function allAliases(keyId: string | undefined) {
    const keys = keyId === undefined ? store.list() : [requireKey(store, keyId)];
    return keys
      .flatMap((key) =>
        key.metadata.aliases.map((record) => ({ keyId: key.metadata.keyId, record })),
      )
      .sort((a, b) =>
        a.record.alias < b.record.alias ? -1 : a.record.alias > b.record.alias ? 1 : 0,
      );
  }

  return {
    async 'create-alias'(request) {
      const at = now();
      const record: KeyAliasRecord = { alias: request.alias, createTime: at, updateTime: at };
      const key = await store.update(request.key_id, (current) => {
        requireNotPendingDeletion(current);
        return { aliases: [...current.aliases, record] };
      });
      return aliasEntity(identity, key.metadata.keyId, record);
    },

    async 'list-aliases'(request: KmsRequest<'list-aliases'>) {
      const all = allAliases(request.key_id);
      const limit = decimalOr(request.limit, ALIAS_LIST_LIMIT_MAX);
      // The marker is the last alias of the previous page (KMS-API-2.md §4.2).
      const start =
        request.marker === undefined || request.marker === ''
          ? 0
          : all.filter((entry) => entry.record.alias <= request.marker!).length;
      const page = all.slice(start, start + limit);
      const more = start + page.length < all.length;
      return [
        {
          aliases: page.map((entry) => aliasEntity(identity, entry.keyId, entry.record)),
          page_info: {
            next_marker: more ? page[page.length - 1]!.record.alias : '',
            current_count: page.length,
          },
        },
      ];
    },

    async 'delete-alias'(request) {
      await store.update(request.key_id, (current) => {
        const held = new Set(current.aliases.map((entry) => entry.alias));
        const missing = request.aliases.find((alias) => !held.has(alias));
        if (missing !== undefined) throw unknownAlias(missing);
        const dropped = new Set(request.aliases);
        return { aliases: current.aliases.filter((entry) => !dropped.has(entry.alias)) };
      });
      return undefined;
    },

    async 'associate-alias'(request) {
      const source = store.keyWithAlias(request.alias);
      if (!source) throw unknownAlias(request.alias);
      const target = requireKey(store, request.target_key_id);
      requireNotPendingDeletion(target.metadata);
      const previous = source.metadata.aliases.find((entry) => entry.alias === request.alias)!;
      const record: KeyAliasRecord = { ...previous, updateTime: now() };
      if (source.metadata.keyId !== target.metadata.keyId) {
        await store.update(source.metadata.keyId, (current) => ({
          aliases: current.aliases.filter((entry) => entry.alias !== request.alias),
        }));
        await store.update(target.metadata.keyId, (current) => ({
          aliases: [...current.aliases, record],
        }));
      }
      return aliasEntity(identity, target.metadata.keyId, record);
    },

    async 'update-key-alias'(request) {
      const key = await store.update(request.key_id, (current) => {
        requireNotPendingDeletion(current);
        return { alias: request.key_alias };
      });
      return { key_info: { key_id: key.metadata.keyId, key_alias: key.metadata.alias } };
    },

    async 'update-key-description'(request) {
      const key = await store.update(request.key_id, (current) => {
        requireNotPendingDeletion(current);
        return { description: request.key_description };
      });
      return {
        key_info: { key_id: key.metadata.keyId, key_description: key.metadata.description },
      };
    },
  };
}
