import { z } from 'zod/mini';
import {
  ENCRYPTION_ALGORITHMS,
  type EncryptionAlgorithm,
  type EncryptionContext,
  type KeyDetails,
} from '../../../shared/kms';
import { encodeMessage, type MessageKey, type MessageParams } from '../../../lib/i18n';
import { contextPairIssues, pairsToContext, type ContextPair } from '../../../components';
import { algorithmsForKey, isAsymmetricAlgorithm, keyIdProblem } from './key-options';

/**
 * The fields every key-aware form has (encrypt, decrypt, and the file form): a key, an
 * algorithm ('' = not given, where the form allows that) and encryption-context pairs.
 */
export interface KeyFormValues {
  keyId: string;
  algorithm: EncryptionAlgorithm | '';
  contextPairs: ContextPair[];
}

/** What a form knows besides its own values: the key behind the typed id, if any. */
export interface KeyFormContext {
  key: KeyDetails | undefined;
}

/** The zod shape of the shared fields; each form adds its own (plaintext, ciphertext, file). */
export function keyFormShape<Algorithm extends z.ZodMiniType<KeyFormValues['algorithm']>>(
  algorithm: Algorithm,
) {
  return {
    keyId: z.string(),
    algorithm,
    contextPairs: z.array(z.object({ key: z.string(), value: z.string() })),
  };
}

/** The part of zod's refinement context the checks below use. */
interface IssueSink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

/** Adds a form error whose message is an encoded i18n key (translated where it is shown). */
export function addFormIssue(
  ctx: IssueSink,
  path: (string | number)[],
  key: MessageKey,
  params?: MessageParams,
): void {
  ctx.addIssue({ code: 'custom', path, message: encodeMessage(key, params) });
}

/** The encryption context belongs to symmetric keys: RSA and SM2 take none. */
export function contextApplies(algorithm: EncryptionAlgorithm | ''): boolean {
  return !isAsymmetricAlgorithm(algorithm);
}

/** Whether a known key takes asymmetric algorithms only (its ciphertext names no key). */
export function isAsymmetricKey(key: KeyDetails | undefined): boolean {
  return key !== undefined && !algorithmsForKey(key).includes('SYMMETRIC_DEFAULT');
}

/**
 * The algorithms a form offers: the key's, none for a key that only signs, and every one while
 * the key is unknown.
 */
export function offeredAlgorithms(key: KeyDetails | undefined): readonly EncryptionAlgorithm[] {
  if (!key) return ENCRYPTION_ALGORITHMS;
  return key.key_usage === 'SIGN_VERIFY' ? [] : algorithmsForKey(key);
}

/** A typed key id: its format, and the state of the key when known. `ifEmpty`: '' is refused. */
function checkKeyId(
  ctx: IssueSink,
  keyId: string,
  key: KeyDetails | undefined,
  ifEmpty: MessageKey | undefined,
): void {
  if (keyId === '') {
    if (ifEmpty) addFormIssue(ctx, ['keyId'], ifEmpty);
    return;
  }
  const problem = keyIdProblem(keyId, key);
  if (problem) addFormIssue(ctx, ['keyId'], `validation.keyId.${problem}`);
}

/** A given algorithm must be one the known key takes. */
function checkAlgorithm(
  ctx: IssueSink,
  algorithm: EncryptionAlgorithm | '',
  key: KeyDetails | undefined,
): void {
  if (!key || algorithm === '') return;
  const allowed = algorithmsForKey(key);
  if (allowed.length > 0 && !allowed.includes(algorithm)) {
    addFormIssue(ctx, ['algorithm'], 'validation.algorithm.notForKey', {
      algorithm,
      spec: key.key_spec,
    });
  }
}

/** Context pairs, where a context applies: non-empty unique keys within the size limit. */
function checkContextPairs(ctx: IssueSink, values: KeyFormValues): void {
  if (!contextApplies(values.algorithm)) return;
  for (const issue of contextPairIssues(values.contextPairs)) {
    const path =
      issue.index === undefined
        ? ['contextPairs', 'root']
        : ['contextPairs', issue.index, issue.field ?? 'key'];
    addFormIssue(ctx, path, issue.message.key, issue.message.params);
  }
}

/**
 * The rules of the shared fields: the key id (required with the message `keyIdRequired`, if
 * given), the algorithm against the known key, and the context pairs where a context applies.
 */
export function checkKeyFormValues(
  ctx: IssueSink,
  values: KeyFormValues,
  key: KeyDetails | undefined,
  keyIdRequired: MessageKey | undefined,
): void {
  checkKeyId(ctx, values.keyId, key, keyIdRequired);
  checkAlgorithm(ctx, values.algorithm, key);
  checkContextPairs(ctx, values);
}

/** The wire `encryption_context`, present only when the algorithm takes one and pairs exist. */
export function contextField(values: KeyFormValues): { encryption_context?: EncryptionContext } {
  return contextApplies(values.algorithm) && values.contextPairs.length > 0
    ? { encryption_context: pairsToContext(values.contextPairs) }
    : {};
}
