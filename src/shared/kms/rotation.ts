// Key rotation (KMS-API-2.md §6).
import { z } from 'zod/mini';
import { failsWith } from './field-checks';
import { keyIdRequestSchema, keyIdSchema, sequenceSchema } from './schemas';

export const ROTATION_INTERVAL_MIN_DAYS = 30;
export const ROTATION_INTERVAL_MAX_DAYS = 365;
/** What enable-key-rotation sets when no interval was chosen before. */
export const ROTATION_INTERVAL_DEFAULT_DAYS = 365;

/** The one request integer of the API; a decimal string is taken too. */
export const rotationIntervalSchema = z.custom<number | string>(
  (value) => {
    const number =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^[0-9]{1,4}$/.test(value)
          ? Number(value)
          : NaN;
    return (
      Number.isInteger(number) &&
      number >= ROTATION_INTERVAL_MIN_DAYS &&
      number <= ROTATION_INTERVAL_MAX_DAYS
    );
  },
  failsWith(
    'KMS.3001',
    `rotation_interval is a whole number of days from ${ROTATION_INTERVAL_MIN_DAYS} to ${ROTATION_INTERVAL_MAX_DAYS}.`,
  ),
);

export const updateKeyRotationIntervalRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  rotation_interval: rotationIntervalSchema,
  sequence: z.optional(sequenceSchema),
});

export const keyRotationRequestSchema = keyIdRequestSchema;

export const keyMaterialSchema = z.object({
  material_id: z.string(),
  create_time: z.string(),
  expiration_time: z.string(),
  state: z.number(),
});

export const keyRotationStatusResponseSchema = z.object({
  key_rotation_enabled: z.boolean(),
  rotation_interval: z.number(),
  last_rotation_time: z.string(),
  number_of_rotations: z.number(),
  key_materials: z.array(keyMaterialSchema),
});

export const rotateOnDemandResponseSchema = z.object({ key_id: z.string() });
