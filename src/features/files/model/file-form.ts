import { z } from 'zod/mini';
import { HISTORY_LABEL_MAX_CHARS } from '../../../shared/console/history-file';
import { KEY_SPEC_INFO, type EncryptionContext, type KeyDetails } from '../../../shared/kms';
import type { ContextPair } from '../../../components';
import { checkKeyFormValues, contextField, keyFormShape, type KeyFormContext } from '../../keys';

/** The file form: the form kit's key and context, an optional label. The file is not a value. */
export interface FileFormValues {
  keyId: string;
  /** Always SYMMETRIC_DEFAULT: an envelope's data key comes from a symmetric key. */
  algorithm: 'SYMMETRIC_DEFAULT';
  contextPairs: ContextPair[];
  label: string;
}

export const EMPTY_FILE_FORM: FileFormValues = {
  keyId: '',
  algorithm: 'SYMMETRIC_DEFAULT',
  contextPairs: [],
  label: '',
};

/** Only symmetric keys (AES_256, SM4) answer create-datakey. */
export function makesDataKeys(key: KeyDetails): boolean {
  return KEY_SPEC_INFO[key.key_spec].kind === 'symmetric';
}

/**
 * The kit's rules (key id, state, context pairs) plus the envelope's: a symmetric key. The
 * not-symmetric message is passed in already worded, as it belongs to the lazily loaded texts.
 */
export function buildFileFormSchema(
  context: KeyFormContext,
  notSymmetricMessage: (spec: string) => string,
) {
  return z
    .object({
      ...keyFormShape(z.literal('SYMMETRIC_DEFAULT')),
      label: z.string().check(z.maxLength(HISTORY_LABEL_MAX_CHARS)),
    })
    .check(
      z.superRefine((values, ctx) => {
        const { key } = context;
        checkKeyFormValues(ctx, values, key, 'validation.keyId.required');
        if (key && !makesDataKeys(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['keyId'],
            message: notSymmetricMessage(key.key_spec),
          });
        }
      }),
    );
}

/** The envelope's encryption context: the pairs, or none. */
export function fileEncryptionContext(values: FileFormValues): EncryptionContext {
  return contextField(values).encryption_context ?? {};
}
