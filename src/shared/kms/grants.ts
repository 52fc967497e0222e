// Grants (KMS-API-2.md §7): records with a lifecycle; the local KMS keeps and lists them.
import { z } from 'zod/mini';
import { codedString, decimalText, failsWith, stringFields } from './field-checks';
import { keyIdSchema, sequenceSchema } from './schemas';

export const GRANT_OPERATIONS = [
  'create-datakey',
  'create-datakey-without-plaintext',
  'encrypt-datakey',
  'decrypt-datakey',
  'describe-key',
  'create-grant',
  'retire-grant',
  'encrypt-data',
  'decrypt-data',
] as const;
export type GrantOperation = (typeof GRANT_OPERATIONS)[number];

export const GRANT_ID_PATTERN = /^[A-Fa-f0-9]{64}$/;
export const GRANTS_PER_KEY_MAX = 100;
export const GRANT_LIST_LIMIT_MAX = 100;
const PRINCIPAL = /^[a-zA-Z0-9]{1,64}$/;
const GRANT_NAME = /^[a-zA-Z0-9:/_-]{1,255}$/;

const principalSchema = codedString(
  'KMS.2402',
  'A principal is 1 to 64 letters or digits (a user or account id).',
  (id) => PRINCIPAL.test(id),
);

const grantOperationSchema = z.custom<GrantOperation>(
  (value) => typeof value === 'string' && (GRANT_OPERATIONS as readonly string[]).includes(value),
  failsWith('KMS.0308', `operations are among ${GRANT_OPERATIONS.join(', ')}.`),
);

export const grantIdSchema = codedString('KMS.2501', 'A grant ID is 64 hex digits.', (id) =>
  GRANT_ID_PATTERN.test(id),
);

export const createGrantRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  grantee_principal: principalSchema,
  operations: z.array(grantOperationSchema).check(
    z.refine(
      (operations) => operations.length > 0,
      failsWith('KMS.2401', 'operations must name at least one operation.'),
    ),
    z.refine(
      (operations) => operations.some((operation) => operation !== 'create-grant'),
      failsWith('KMS.2401', 'Specify an operation in addition to create-grant.'),
    ),
  ),
  name: z.optional(
    codedString('KMS.0308', 'A grant name is 1 to 255 of a-z A-Z 0-9 : / _ -.', (name) =>
      GRANT_NAME.test(name),
    ),
  ),
  retiring_principal: z.optional(principalSchema),
  grantee_principal_type: z.optional(z.enum(['user', 'domain'])),
  sequence: z.optional(sequenceSchema),
});
export type CreateGrantRequest = z.infer<typeof createGrantRequestSchema>;

export const createGrantResponseSchema = z.object({ grant_id: z.string() });

const limitSchema = decimalText('KMS.1601', 'limit', 1, GRANT_LIST_LIMIT_MAX, true);
const markerSchema = decimalText('KMS.1602', 'marker', 0, 2_000_000_000, true);

export const listGrantsRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  limit: z.optional(limitSchema),
  marker: z.optional(markerSchema),
  sequence: z.optional(sequenceSchema),
});

export const listRetirableGrantsRequestSchema = z.strictObject({
  limit: z.optional(limitSchema),
  marker: z.optional(markerSchema),
  sequence: z.optional(sequenceSchema),
});

export const grantSchema = z.object({
  ...stringFields('key_id', 'grant_id', 'grantee_principal', 'grantee_principal_type'),
  operations: z.array(z.string()),
  ...stringFields('issuing_principal', 'creation_date', 'name', 'retiring_principal'),
});
export type Grant = z.infer<typeof grantSchema>;

export const listGrantsResponseSchema = z.object({
  grants: z.array(grantSchema),
  next_marker: z.string(),
  truncated: z.enum(['true', 'false']),
  total: z.number(),
});

export const grantIdRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  grant_id: grantIdSchema,
  sequence: z.optional(sequenceSchema),
});
