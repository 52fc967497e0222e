import {
  ENCRYPTION_CONTEXT_MAX_CHARS,
  encryptionContextLength,
  type EncryptionContext,
} from '../../shared/kms';
import type { MessageKey } from '../../lib/i18n';

/** One row of the encryption-context editor. */
export interface ContextPair {
  key: string;
  value: string;
}

export interface ContextPairIssue {
  /** Index of the pair, or undefined for a problem of the whole context. */
  index?: number;
  field?: 'key' | 'value';
  message: { key: MessageKey; params?: Record<string, string | number> };
}

/**
 * What the service cannot express or would misread: an empty key, and the same key twice
 * (an object keeps one of them, so the ciphertext would be bound to something else than
 * what the operator typed), plus the contract's size limit.
 */
export function contextPairIssues(pairs: readonly ContextPair[]): ContextPairIssue[] {
  const issues: ContextPairIssue[] = [];
  const firstIndexOfKey = new Map<string, number>();
  pairs.forEach((pair, index) => {
    if (pair.key.length === 0) {
      issues.push({ index, field: 'key', message: { key: 'validation.context.keyRequired' } });
      return;
    }
    const first = firstIndexOfKey.get(pair.key);
    if (first !== undefined) {
      issues.push({
        index,
        field: 'key',
        message: { key: 'validation.context.keyDuplicate', params: { pair: first + 1 } },
      });
      return;
    }
    firstIndexOfKey.set(pair.key, index);
  });
  if (issues.length === 0) {
    const length = encryptionContextLength(pairsToContext(pairs));
    if (length > ENCRYPTION_CONTEXT_MAX_CHARS) {
      issues.push({
        message: {
          key: 'validation.context.tooLong',
          params: { length, limit: ENCRYPTION_CONTEXT_MAX_CHARS },
        },
      });
    }
  }
  return issues;
}

/**
 * The wire object. Object.fromEntries defines own properties, so a key such as `__proto__`
 * stays an ordinary key instead of changing the object's prototype.
 */
export function pairsToContext(pairs: readonly ContextPair[]): EncryptionContext {
  return Object.fromEntries(pairs.map((pair) => [pair.key, pair.value]));
}

export function contextToPairs(context: EncryptionContext | undefined): ContextPair[] {
  return Object.entries(context ?? {}).map(([key, value]) => ({ key, value }));
}
