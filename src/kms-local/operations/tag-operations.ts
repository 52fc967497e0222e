/**
 * Key tags (KMS-API-2.md §5): at most 10 per key, keys unique (setting an existing key
 * replaces its value); the project's tags; keys filtered and counted by tags.
 */
import {
  KmsError,
  RESOURCE_LIMIT_DEFAULT,
  TAGS_PER_KEY_MAX,
  type KmsRequest,
  type TagItem,
  type TagItemRequest,
} from '../../shared/kms';
import { decimalOr } from '../../shared/kms/field-checks';
import type { StoredKey } from '../keystore/keystore';
import type { KeyTag } from '../keystore/stored-key';
import { keyDetails, requireKey } from './key-rules';
import { requireNotPendingDeletion } from './management-rules';
import type { OperationContext, OperationGroup } from './operation-group';

type TagOperation =
  | 'create-kms-tag'
  | 'delete-kms-tag'
  | 'batch-kms-tags'
  | 'show-kms-tags'
  | 'list-kms-tags'
  | 'list-kms-by-tags';

function withTags(current: readonly KeyTag[], added: readonly TagItemRequest[]): KeyTag[] {
  const tags = new Map(current.map((tag) => [tag.key, tag.value]));
  for (const tag of added) tags.set(tag.key, tag.value ?? '');
  if (tags.size > TAGS_PER_KEY_MAX) {
    throw new KmsError('KMS.0409', `A key has at most ${TAGS_PER_KEY_MAX} tags.`);
  }
  return [...tags].map(([key, value]) => ({ key, value }));
}

/** Deleting is by tag key; the value, if sent, is not compared (the cloud does not say). */
function withoutTags(current: readonly KeyTag[], keys: readonly string[]): KeyTag[] {
  const dropped = new Set(keys);
  return current.filter((tag) => !dropped.has(tag.key));
}

const tagItems = (key: StoredKey): TagItem[] =>
  key.metadata.tags.map(({ key: tagKey, value }) => ({ key: tagKey, value }));

/** Every filter tag present with one of its values (any value when none is listed). */
function matchesFilter(key: StoredKey, request: KmsRequest<'list-kms-by-tags'>): boolean {
  const tags = new Map(key.metadata.tags.map((tag) => [tag.key, tag.value]));
  const tagsMatch = (request.tags ?? []).every((filter) => {
    const value = tags.get(filter.key);
    return value !== undefined && (filter.values.length === 0 || filter.values.includes(value));
  });
  // resource_name is the key alias; the cloud matches it fuzzily, here as a substring.
  const namesMatch = (request.matches ?? []).every((match) =>
    key.metadata.alias.includes(match.value),
  );
  return tagsMatch && namesMatch;
}

export function tagOperations({ store, identity }: OperationContext): OperationGroup<TagOperation> {
  const changeTags = async (keyId: string, change: (tags: readonly KeyTag[]) => KeyTag[]) => {
    await store.update(keyId, (current) => {
      requireNotPendingDeletion(current);
      return { tags: change(current.tags) };
    });
    return undefined;
  };

  return {
    async 'create-kms-tag'(request) {
      return changeTags(request.key_id, (tags) => withTags(tags, [request.tag]));
    },

    async 'delete-kms-tag'(request) {
      return changeTags(request.key_id, (tags) => {
        if (!tags.some((tag) => tag.key === request.key)) {
          throw new KmsError('KMS.0416', `The key has no tag ${request.key}.`);
        }
        return withoutTags(tags, [request.key]);
      });
    },

    async 'batch-kms-tags'(request) {
      return changeTags(request.key_id, (tags) =>
        request.action === 'create'
          ? withTags(tags, request.tags)
          : withoutTags(
              tags,
              request.tags.map((tag) => tag.key),
            ),
      );
    },

    async 'show-kms-tags'(request) {
      const key = requireKey(store, request.key_id);
      return { tags: tagItems(key), existTagsNum: key.metadata.tags.length };
    },

    async 'list-kms-tags'() {
      const values = new Map<string, Set<string>>();
      for (const key of store.list()) {
        for (const tag of key.metadata.tags) {
          const set = values.get(tag.key) ?? new Set<string>();
          set.add(tag.value);
          values.set(tag.key, set);
        }
      }
      return {
        tags: [...values].map(([key, set]) => ({ key, values: [...set] })),
      };
    },

    async 'list-kms-by-tags'(request) {
      const matching = store.list().filter((key) => matchesFilter(key, request));
      if (request.action === 'count') return { total_count: matching.length };
      const offset = decimalOr(request.offset, 0);
      const limit = decimalOr(request.limit, RESOURCE_LIMIT_DEFAULT);
      return {
        resources: matching.slice(offset, offset + limit).map((key) => ({
          resource_id: key.metadata.keyId,
          resource_detail: keyDetails(key, identity),
          resource_name: key.metadata.alias,
          tags: tagItems(key),
        })),
        total_count: matching.length,
      };
    },
  };
}
