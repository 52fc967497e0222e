// Key tags and the tag queries (KMS-API-2.md §5).
import { z } from 'zod/mini';
import { codedString, decimalText, failsWith } from './field-checks';
import { keyDetailsSchema, keyIdSchema, sequenceSchema } from './schemas';

export const TAG_KEY_MAX_CHARS = 36;
export const TAG_VALUE_MAX_CHARS = 43;
export const TAGS_PER_KEY_MAX = 10;
export const RESOURCE_LIMIT_MAX = 1000;
export const RESOURCE_LIMIT_DEFAULT = 10;

/** ASCII controls and `* < > \ =` are not allowed in a tag key or value. */
const FORBIDDEN_CHARACTERS = new Set(['*', '<', '>', '\\', '=']);
const isForbidden = (text: string) =>
  [...text].some((char) => char.charCodeAt(0) < 0x20 || FORBIDDEN_CHARACTERS.has(char));
const chars = (text: string) => [...text].length;

export const tagKeySchema = codedString(
  'KMS.0406',
  `A tag key is 1 to ${TAG_KEY_MAX_CHARS} characters without controls, * < > \\ or =.`,
  (key) => chars(key) >= 1 && chars(key) <= TAG_KEY_MAX_CHARS && !isForbidden(key),
);

export const tagValueSchema = codedString(
  'KMS.0405',
  `A tag value is 0 to ${TAG_VALUE_MAX_CHARS} characters without controls, * < > \\ or =.`,
  (value) => chars(value) <= TAG_VALUE_MAX_CHARS && !isForbidden(value),
);

export const tagItemSchema = z.strictObject({
  key: tagKeySchema,
  value: z.optional(tagValueSchema),
});
export type TagItemRequest = z.infer<typeof tagItemSchema>;

export const tagItemResponseSchema = z.object({ key: z.string(), value: z.string() });
export type TagItem = z.infer<typeof tagItemResponseSchema>;

/** POST /kms/{key_id}/tags: key_id comes from the path. */
export const createKmsTagRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  tag: tagItemSchema,
  sequence: z.optional(sequenceSchema),
});

/** DELETE /kms/{key_id}/tags/{key}: both from the path. */
export const deleteKmsTagRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  key: tagKeySchema,
});

export const batchKmsTagsRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  action: z.custom<'create' | 'delete'>(
    (value) => value === 'create' || value === 'delete',
    failsWith('KMS.0404', 'action is "create" or "delete".'),
  ),
  tags: z
    .array(tagItemSchema)
    .check(z.refine((tags) => tags.length > 0, failsWith('KMS.0401', 'tags must not be empty.'))),
  sequence: z.optional(sequenceSchema),
});

export const showKmsTagsRequestSchema = z.strictObject({ key_id: keyIdSchema });
export const showKmsTagsResponseSchema = z.object({
  tags: z.array(tagItemResponseSchema),
  existTagsNum: z.number(),
});

export const listKmsTagsRequestSchema = z.strictObject({});
export const projectTagSchema = z.object({ key: z.string(), values: z.array(z.string()) });
export const listKmsTagsResponseSchema = z.object({ tags: z.array(projectTagSchema) });

const filterTagSchema = z.strictObject({
  key: tagKeySchema,
  values: z.array(tagValueSchema),
});

const matchSchema = z.strictObject({
  key: codedString('KMS.0403', 'A match key is resource_name.', (key) => key === 'resource_name'),
  value: codedString(
    'KMS.0402',
    'A match value is 1 to 255 characters.',
    (value) => value.length >= 1 && value.length <= 255,
  ),
});

export const listKmsByTagsRequestSchema = z.strictObject({
  action: z.optional(
    z.custom<'filter' | 'count'>(
      (value) => value === 'filter' || value === 'count',
      failsWith('KMS.0404', 'action is "filter" or "count".'),
    ),
  ),
  limit: z.optional(decimalText('KMS.1601', 'limit', 1, RESOURCE_LIMIT_MAX)),
  offset: z.optional(decimalText('KMS.0417', 'offset', 0, 2_000_000_000)),
  tags: z.optional(z.array(filterTagSchema)),
  matches: z.optional(z.array(matchSchema)),
  sequence: z.optional(sequenceSchema),
});
export type ListKmsByTagsRequest = z.infer<typeof listKmsByTagsRequestSchema>;

export const listKmsByTagsResponseSchema = z.object({
  resources: z.optional(
    z.array(
      z.object({
        resource_id: z.string(),
        resource_detail: keyDetailsSchema,
        resource_name: z.string(),
        tags: z.array(tagItemResponseSchema),
      }),
    ),
  ),
  total_count: z.number(),
});
