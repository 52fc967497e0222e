import { z } from 'zod/mini';
import {
  cipherTextSchema,
  decryptDataRequestSchema,
  encryptionAlgorithmSchema,
  type DecryptDataRequest,
  type EncryptionAlgorithm,
  type KeyDetails,
} from '../../../shared/kms';
import { encodeMessage } from '../../i18n';
import { algorithmsForKey, isAsymmetricAlgorithm, keyIdProblem } from '../../keys';
import { contextPairIssues, pairsToContext, type ContextPair } from '../../ui';

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

export interface DecryptFormContext {
  key: KeyDetails | undefined;
}

/** Base64 copied from a terminal or an e-mail often carries line breaks: they are not data. */
export function normalizeCipherText(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Whether the key id and algorithm are required: only for asymmetric ciphertext. */
export function needsKeyAndAlgorithm(values: DecryptFormValues, key: KeyDetails | undefined) {
  if (isAsymmetricAlgorithm(values.algorithm)) return true;
  return key !== undefined && !algorithmsForKey(key).includes('SYMMETRIC_DEFAULT');
}

export function buildDecryptFormSchema(context: DecryptFormContext) {
  return z
    .object({
      cipherText: z.string(),
      keyId: z.string(),
      algorithm: z.union([z.literal(''), encryptionAlgorithmSchema]),
      contextPairs: z.array(z.object({ key: z.string(), value: z.string() })),
    })
    .check(
      z.superRefine((values, ctx) => {
        const { key } = context;
        const cipherText = normalizeCipherText(values.cipherText);
        if (cipherText === '') {
          ctx.addIssue({
            code: 'custom',
            path: ['cipherText'],
            message: encodeMessage('validation.cipherText.required'),
          });
        } else if (!cipherTextSchema.safeParse(cipherText).success) {
          ctx.addIssue({
            code: 'custom',
            path: ['cipherText'],
            message: encodeMessage('validation.cipherText.format', { length: cipherText.length }),
          });
        }

        const asymmetric = needsKeyAndAlgorithm(values, key);
        if (values.keyId === '') {
          if (asymmetric) {
            ctx.addIssue({
              code: 'custom',
              path: ['keyId'],
              message: encodeMessage('validation.keyId.requiredForAsymmetric'),
            });
          }
        } else {
          const problem = keyIdProblem(values.keyId, key);
          if (problem) {
            ctx.addIssue({
              code: 'custom',
              path: ['keyId'],
              message: encodeMessage(`validation.keyId.${problem}`),
            });
          }
        }

        if (asymmetric && values.algorithm === '') {
          ctx.addIssue({
            code: 'custom',
            path: ['algorithm'],
            message: encodeMessage('validation.algorithm.requiredForAsymmetric'),
          });
        } else if (key && values.algorithm !== '') {
          const allowed = algorithmsForKey(key);
          if (allowed.length > 0 && !allowed.includes(values.algorithm)) {
            ctx.addIssue({
              code: 'custom',
              path: ['algorithm'],
              message: encodeMessage('validation.algorithm.notForKey', {
                algorithm: values.algorithm,
                spec: key.key_spec,
              }),
            });
          }
        }

        if (!isAsymmetricAlgorithm(values.algorithm)) {
          for (const issue of contextPairIssues(values.contextPairs)) {
            ctx.addIssue({
              code: 'custom',
              path:
                issue.index === undefined
                  ? ['contextPairs', 'root']
                  : ['contextPairs', issue.index, issue.field ?? 'key'],
              message: encodeMessage(issue.message.key, issue.message.params),
            });
          }
        }
      }),
    );
}

/** The decrypt-data body: only what was given, checked against the shared wire schema. */
export function toDecryptRequest(values: DecryptFormValues): DecryptDataRequest {
  const withContext = !isAsymmetricAlgorithm(values.algorithm) && values.contextPairs.length > 0;
  return decryptDataRequestSchema.parse({
    cipher_text: normalizeCipherText(values.cipherText),
    ...(values.keyId ? { key_id: values.keyId } : {}),
    ...(values.algorithm ? { encryption_algorithm: values.algorithm } : {}),
    ...(withContext ? { encryption_context: pairsToContext(values.contextPairs) } : {}),
  });
}
