// Names of keys (KMS-API-2.md §4): the multi-alias API (/kms/aliases, /kms/alias/associate)
// and the single key_alias and key_description changed in place.
import { z } from 'zod/mini';
import { codedString, decimalText, stringFields } from './field-checks';
import { KEY_ALIAS_PATTERN, KEY_DESCRIPTION_MAX_CHARS } from './limits';
import { keyAliasSchema, keyIdSchema, sequenceSchema } from './schemas';

export const ALIAS_LIST_LIMIT_MAX = 100;

/** The alias API's names follow key_alias's documented rule (the cloud states no other). */
export const aliasNameSchema = codedString(
  'KMS.1101',
  'An alias is 1 to 255 of a-z A-Z 0-9 : / _ - and does not end in /default.',
  (alias) => KEY_ALIAS_PATTERN.test(alias) && !alias.endsWith('/default'),
);

export const createAliasRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  alias: aliasNameSchema,
  sequence: z.optional(sequenceSchema),
});

export const aliasEntitySchema = z.object(
  stringFields('domain_id', 'key_id', 'alias', 'alias_urn', 'create_time', 'update_time'),
);
export type AliasEntity = z.infer<typeof aliasEntitySchema>;

/** GET /kms/aliases: query parameters only, all strings. */
export const listAliasesRequestSchema = z.strictObject({
  key_id: z.optional(keyIdSchema),
  limit: z.optional(decimalText('KMS.1601', 'limit', 1, ALIAS_LIST_LIMIT_MAX)),
  marker: z.optional(z.string()),
});

/**
 * The SDK models (and the Go SDK's parser) read a top-level array of pages; the HW example
 * shows one object. The array is what every SDK parses (KMS-API-2.md §4.2).
 */
export const listAliasesResponseSchema = z.array(
  z.object({
    aliases: z.array(aliasEntitySchema),
    page_info: z.object({ next_marker: z.string(), current_count: z.number() }),
  }),
);

export const deleteAliasRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  aliases: z.array(aliasNameSchema).check(z.minLength(1, 'aliases must name at least one alias.')),
  sequence: z.optional(sequenceSchema),
});

export const associateAliasRequestSchema = z.strictObject({
  alias: aliasNameSchema,
  target_key_id: codedString(
    'KMS.0205',
    'target_key_id is a key ID.',
    (id) => keyIdSchema.safeParse(id).success,
  ),
  sequence: z.optional(sequenceSchema),
});

export const updateKeyAliasRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  key_alias: keyAliasSchema,
  sequence: z.optional(sequenceSchema),
});

export const updateKeyAliasResponseSchema = z.object({
  key_info: z.object({ key_id: z.string(), key_alias: z.string() }),
});

export const updateKeyDescriptionRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  key_description: codedString(
    'KMS.1103',
    `key_description is at most ${KEY_DESCRIPTION_MAX_CHARS} characters.`,
    (text) => text.length <= KEY_DESCRIPTION_MAX_CHARS,
  ),
  sequence: z.optional(sequenceSchema),
});

export const updateKeyDescriptionResponseSchema = z.object({
  key_info: z.object({ key_id: z.string(), key_description: z.string() }),
});

/** A body-less success: 204 answers carry nothing. */
export const noContentSchema = z.undefined();
/** The empty 200 body of enable-key-rotation, revoke-grant and the like (`{}` in the docs). */
export const emptyObjectSchema = z.object({});
