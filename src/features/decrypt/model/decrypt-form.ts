import { z } from 'zod/mini';
import {
  cipherTextSchema,
  encryptionAlgorithmSchema,
  type DecryptDataRequest,
  type EncryptionAlgorithm,
  type KeyDetails,
} from '../../../shared/kms';
import { isArmoredEnvelope } from '../../../shared/envelope/armor';
import type { ContextPair } from '../../../components';
import {
  addFormIssue,
  checkKeyFormValues,
  contextField,
  isAsymmetricAlgorithm,
  isAsymmetricKey,
  keyFormShape,
  type KeyFormContext,
} from '../../keys';

export interface DecryptFormValues {
  cipherText: string;
  keyId: string;
  /** '' = not given: symmetric ciphertext names its own key and algorithm. */
  algorithm: EncryptionAlgorithm | '';
  contextPairs: ContextPair[];
}

export const EMPTY_DECRYPT_FORM: DecryptFormValues = {
  cipherText: '',
  keyId: '',
  algorithm: '',
  contextPairs: [],
};

/** Base64 copied from a terminal or an e-mail often carries line breaks: they are not data. */
export function normalizeCipherText(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Whether the key id and algorithm are required: only for asymmetric ciphertext. */
export function needsKeyAndAlgorithm(values: DecryptFormValues, key: KeyDetails | undefined) {
  return isAsymmetricAlgorithm(values.algorithm) || isAsymmetricKey(key);
}

export function buildDecryptFormSchema(context: KeyFormContext) {
  return z
    .object({
      cipherText: z.string(),
      ...keyFormShape(z.union([z.literal(''), encryptionAlgorithmSchema])),
    })
    .check(
      z.superRefine((values, ctx) => {
        // An armored envelope (a long text) names its own key and context: nothing to check.
        if (isArmoredEnvelope(values.cipherText)) return;
        const { key } = context;
        const cipherText = normalizeCipherText(values.cipherText);
        const notBase64 = /[^0-9a-zA-Z+/=]/u.exec(cipherText);
        if (cipherText === '') {
          addFormIssue(ctx, ['cipherText'], 'validation.cipherText.required');
        } else if (notBase64) {
          addFormIssue(ctx, ['cipherText'], 'validation.cipherText.notBase64', {
            char: notBase64[0],
          });
        } else if (!cipherTextSchema.safeParse(cipherText).success) {
          addFormIssue(ctx, ['cipherText'], 'validation.cipherText.format', {
            length: cipherText.length,
          });
        }

        const asymmetric = needsKeyAndAlgorithm(values, key);
        checkKeyFormValues(
          ctx,
          values,
          key,
          asymmetric ? 'validation.keyId.requiredForAsymmetric' : undefined,
        );
        if (asymmetric && values.algorithm === '') {
          addFormIssue(ctx, ['algorithm'], 'validation.algorithm.requiredForAsymmetric');
        }
      }),
    );
}

/** The decrypt-data body, only what was given, of values the form's schema accepted. */
export function toDecryptRequest(values: DecryptFormValues): DecryptDataRequest {
  return {
    cipher_text: normalizeCipherText(values.cipherText),
    ...(values.keyId ? { key_id: values.keyId } : {}),
    ...(values.algorithm ? { encryption_algorithm: values.algorithm } : {}),
    ...contextField(values),
  };
}
