import { z } from 'zod/mini';
import {
  encryptionAlgorithmSchema,
  isWellFormedText,
  utf8ByteLength,
  type EncryptDataRequest,
  type EncryptionAlgorithm,
} from '../../../shared/kms';
import type { ContextPair } from '../../../components';
import {
  addFormIssue,
  checkKeyFormValues,
  contextField,
  keyFormShape,
  plainTextLimitForKey,
  type KeyFormContext,
} from '../../keys';

export interface EncryptFormValues {
  keyId: string;
  algorithm: EncryptionAlgorithm;
  contextPairs: ContextPair[];
  plainText: string;
  /** Optional words of the operator's own, kept with the history entry (never sent to KMS). */
  label?: string;
}

export const ENCRYPT_LABEL_MAX_CHARS = 200;

export const EMPTY_ENCRYPT_FORM: EncryptFormValues = {
  keyId: '',
  algorithm: 'SYMMETRIC_DEFAULT',
  contextPairs: [],
  plainText: '',
  label: '',
};

/**
 * The shared contract's rules plus what only the browser knows (the chosen key's state, spec
 * and plaintext bound; non-empty, unique context keys). Messages are encoded i18n keys.
 */
export function buildEncryptFormSchema(context: KeyFormContext) {
  return z
    .object({
      ...keyFormShape(encryptionAlgorithmSchema),
      plainText: z.string(),
      label: z.optional(z.string().check(z.maxLength(ENCRYPT_LABEL_MAX_CHARS))),
    })
    .check(
      z.superRefine((values, ctx) => {
        const { key } = context;
        checkKeyFormValues(ctx, values, key, 'validation.keyId.required');
        const bytes = utf8ByteLength(values.plainText);
        const limit = plainTextLimitForKey(key, values.algorithm);
        if (bytes === 0) {
          addFormIssue(ctx, ['plainText'], 'validation.plainText.required');
        } else if (!isWellFormedText(values.plainText)) {
          addFormIssue(ctx, ['plainText'], 'validation.plainText.notUnicode');
        } else if (bytes > limit) {
          addFormIssue(ctx, ['plainText'], 'validation.plainText.tooLong', { bytes, limit });
        }
      }),
    );
}

/** The encrypt-data body of values the form's schema accepted (it holds the contract's rules). */
export function toEncryptRequest(values: EncryptFormValues): EncryptDataRequest {
  return {
    key_id: values.keyId,
    plain_text: values.plainText,
    encryption_algorithm: values.algorithm,
    ...contextField(values),
  };
}

/**
 * Spaces, tabs or line breaks only: valid for the KMS, but usually a paste that went wrong, so
 * the form asks before encrypting it.
 */
export function isBlankPlainText(plainText: string): boolean {
  return plainText.length > 0 && plainText.trim() === '';
}
