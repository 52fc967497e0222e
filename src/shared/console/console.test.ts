import { describe, expect, it } from 'vitest';
import { KMS_ERROR_CODES, KmsError, KmsShapedError } from '../kms';
import { API_ERROR_CODES, CONSOLE_ERROR_CODES, ConsoleError } from './errors';
import { AUTH_MODES, publicConfigSchema, signInRequestSchema } from './index';

describe('CONSOLE.* error codes', () => {
  it('keep the statuses they were published with', () => {
    const statuses = Object.fromEntries(
      Object.entries(CONSOLE_ERROR_CODES).map(([code, info]) => [code, info.status]),
    );
    expect(statuses).toEqual({
      'CONSOLE.0001': 404,
      'CONSOLE.0002': 415,
      'CONSOLE.0003': 403,
      'CONSOLE.0004': 429,
      'CONSOLE.0005': 401,
      'CONSOLE.0006': 401,
      'CONSOLE.0007': 401,
      'CONSOLE.0010': 502,
      'CONSOLE.0011': 504,
      'CONSOLE.0012': 502,
      'CONSOLE.0013': 502,
      'CONSOLE.0014': 500,
      'CONSOLE.0015': 404,
      'CONSOLE.0100': 400,
      'CONSOLE.0101': 400,
      'CONSOLE.0102': 404,
      'CONSOLE.0103': 400,
      'CONSOLE.0104': 503,
      'CONSOLE.0200': 421,
    });
  });

  it('are apart from the KMS codes, and API_ERROR_CODES has both', () => {
    for (const code of Object.keys(CONSOLE_ERROR_CODES)) {
      expect(Object.hasOwn(KMS_ERROR_CODES, code)).toBe(false);
      expect(Object.hasOwn(API_ERROR_CODES, code)).toBe(true);
    }
    for (const code of Object.keys(KMS_ERROR_CODES)) {
      expect(Object.hasOwn(API_ERROR_CODES, code)).toBe(true);
    }
  });

  it('are thrown as KMS-shaped errors with the documented status and message', () => {
    const error = new ConsoleError('CONSOLE.0004');
    expect(error).toBeInstanceOf(KmsShapedError);
    expect(error).not.toBeInstanceOf(KmsError);
    expect(error.status).toBe(429);
    expect(error.toBody()).toEqual({
      error: { error_code: 'CONSOLE.0004', error_msg: 'Too many requests; slow down.' },
    });
    expect(new ConsoleError('CONSOLE.0007', 'Malformed.').toBody().error.error_msg).toBe(
      'Malformed.',
    );
  });
});

describe('console contract schemas', () => {
  const config = {
    upstream: 'cloud',
    endpoint: 'https://kms.cn-north-4.myhuaweicloud.com',
    region: 'cn-north-4',
    projectId: '0123456789abcdef0123456789abcdef',
    authMode: 'password',
    accessControl: true,
  };

  it('reads every auth mode and no other', () => {
    for (const authMode of AUTH_MODES) {
      expect(publicConfigSchema.safeParse({ ...config, authMode }).success).toBe(true);
    }
    expect(publicConfigSchema.safeParse({ ...config, authMode: 'magic' }).success).toBe(false);
    expect(publicConfigSchema.safeParse({ ...config, upstream: 'other' }).success).toBe(false);
  });

  it('takes a sign-in body of one non-empty access token', () => {
    expect(signInRequestSchema.safeParse({ access_token: 'x' }).success).toBe(true);
    expect(signInRequestSchema.safeParse({ access_token: '' }).success).toBe(false);
    expect(signInRequestSchema.safeParse({ access_token: 'x'.repeat(1025) }).success).toBe(false);
    expect(signInRequestSchema.safeParse({ access_token: 'x', extra: 1 }).success).toBe(false);
  });
});
