import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api';
import { placeholdersOf } from '../../../lib/i18n';
import { fileMode as en } from '../../../lib/i18n/dictionaries/en/file-mode';
import { fileMode as zhCN } from '../../../lib/i18n/dictionaries/zh-CN/file-mode';
import { ENVELOPE_ERROR_KINDS, EnvelopeError } from '../../../shared/envelope';
import { fileFailureOf, kmsCauseOf } from './file-failure';

describe('fileFailureOf', () => {
  it('says changed, truncated or not an envelope, as the envelope library found', () => {
    expect(fileFailureOf(new EnvelopeError('frame-changed', ''))).toBe('changed');
    expect(fileFailureOf(new EnvelopeError('header-changed', ''))).toBe('changed');
    expect(fileFailureOf(new EnvelopeError('trailing-data', ''))).toBe('changed');
    expect(fileFailureOf(new EnvelopeError('truncated', ''))).toBe('truncated');
    expect(fileFailureOf(new EnvelopeError('not-an-envelope', ''))).toBe('notEnvelope');
    expect(fileFailureOf(new EnvelopeError('unsupported-suite', ''))).toBe('notEnvelope');
  });

  it('tells a changed wrapped data key from a foreign one by the KMS code behind it', () => {
    const changed = new EnvelopeError('data-key-unwrap-failed', '', {
      cause: new ApiError('KMS.2203', 'Failed to verify the DEK hash.', 400),
    });
    const foreign = new EnvelopeError('data-key-unwrap-failed', '', {
      cause: new ApiError('KMS.0207', 'The key does not exist.', 404),
    });
    expect(fileFailureOf(changed)).toBe('changed');
    expect(fileFailureOf(foreign)).toBe('foreign');
    expect(kmsCauseOf(foreign)?.code).toBe('KMS.0207');
    expect(kmsCauseOf(new Error('plain'))).toBeUndefined();
  });

  it('has words for every failure, in both languages, with the same placeholders', () => {
    const failures = new Set(
      ENVELOPE_ERROR_KINDS.map((kind) => fileFailureOf(new EnvelopeError(kind, ''))),
    );
    for (const failure of [...failures, 'notText', 'unreadable', 'generic'] as const) {
      expect(en).toHaveProperty([`fileMode.failure.${failure}`]);
    }
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const chinese = zhCN[key as keyof typeof en];
      expect(chinese.trim(), key).not.toBe('');
      expect(placeholdersOf(chinese), key).toEqual(placeholdersOf(english));
    }
  });
});
