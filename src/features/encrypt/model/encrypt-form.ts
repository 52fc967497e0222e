import { z } from 'zod/mini';
import {
  encryptDataRequestSchema,
  encryptionAlgorithmSchema,
  utf8ByteLength,
  type EncryptDataRequest,
  type EncryptionAlgorithm,
  type KeyDetails,
} from '../../../shared/kms';
import { encodeMessage } from '../../i18n';
import { algorithmsForKey, keyIdProblem, plainTextLimitForKey } from '../../keys';
import { contextPairIssues, pairsToContext, type ContextPair } from '../../ui';

export interface EncryptFormValues {
  keyId: string;
  algorithm: EncryptionAlgorithm;
  contextPairs: ContextPair[];
  plainText: string;
}

export const EMPTY_ENCRYPT_FORM: EncryptFormValues = {
  keyId: '',
  algorithm: 'SYMMETRIC_DEFAULT',
  contextPairs: [],
  plainText: '',
};

/** What the form knows besides its own values: the key behind the typed id, if any. */
export interface EncryptFormContext {
  key: KeyDetails | undefined;
}

/** The encryption context is a symmetric-key feature: RSA and SM2 take none. */
export function contextAllowed(algorithm: EncryptionAlgorithm): boolean {
  return algorithm === 'SYMMETRIC_DEFAULT';
}

/**
 * The shared contract's rules plus what only the browser knows (the chosen key's state, spec
 * and plaintext bound; non-empty, unique context keys). Messages are encoded i18n keys.
 */
export function buildEncryptFormSchema(context: EncryptFormContext) {
  return z
    .object({
      keyId: z.string(),
      algorithm: encryptionAlgorithmSchema,
      contextPairs: z.array(z.object({ key: z.string(), value: z.string() })),
      plainText: z.string(),
    })
    .check(
      z.superRefine((values, ctx) => {
        const { key } = context;
        if (values.keyId === '') {
          ctx.addIssue({
            code: 'custom',
            path: ['keyId'],
            message: encodeMessage('validation.keyId.required'),
          });
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

        const allowed = algorithmsForKey(key);
        if (key && allowed.length > 0 && !allowed.includes(values.algorithm)) {
          ctx.addIssue({
            code: 'custom',
            path: ['algorithm'],
            message: encodeMessage('validation.algorithm.notForKey', {
              algorithm: values.algorithm,
              spec: key.key_spec,
            }),
          });
        }

        const bytes = utf8ByteLength(values.plainText);
        const limit = plainTextLimitForKey(key, values.algorithm);
        if (bytes === 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['plainText'],
            message: encodeMessage('validation.plainText.required'),
          });
        } else if (bytes > limit) {
          ctx.addIssue({
            code: 'custom',
            path: ['plainText'],
            message: encodeMessage('validation.plainText.tooLong', { bytes, limit }),
          });
        }

        if (contextAllowed(values.algorithm)) {
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

/** The encrypt-data body, checked once more against the shared wire schema. */
export function toEncryptRequest(values: EncryptFormValues): EncryptDataRequest {
  const withContext = contextAllowed(values.algorithm) && values.contextPairs.length > 0;
  return encryptDataRequestSchema.parse({
    key_id: values.keyId,
    plain_text: values.plainText,
    encryption_algorithm: values.algorithm,
    ...(withContext ? { encryption_context: pairsToContext(values.contextPairs) } : {}),
  });
}
