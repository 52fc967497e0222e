import { describe, expect, it } from 'vitest';
import { KmsError } from '../../shared/kms';
import { isJsonContentType, parseJsonBody } from './json-body';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof KmsError ? error.code : 'not a KmsError';
  }
  return undefined;
}

describe('isJsonContentType', () => {
  it('accepts application/json with parameters, nothing else', () => {
    for (const type of [
      'application/json',
      'application/json;charset=UTF-8',
      'Application/JSON ; x=y',
    ]) {
      expect(isJsonContentType(type)).toBe(true);
    }
    for (const type of [
      undefined,
      '',
      'text/plain',
      'application/jsonp',
      'application/json-seq',
      'application/problem+json',
    ]) {
      expect(isJsonContentType(type)).toBe(false);
    }
  });
});

describe('parseJsonBody', () => {
  it('parses JSON', () => {
    expect(parseJsonBody('{"a":{"b":[1,"x"]}}')).toEqual({ a: { b: [1, 'x'] } });
  });

  it('refuses empty and invalid bodies with KMS.0202, never quoting them', () => {
    expect(codeOf(() => parseJsonBody(''))).toBe('KMS.0202');
    expect(codeOf(() => parseJsonBody('  '))).toBe('KMS.0202');
    try {
      parseJsonBody('{"plain_text": "secret value"');
    } catch (error) {
      expect((error as KmsError).code).toBe('KMS.0202');
      expect((error as KmsError).message).not.toContain('secret value');
    }
  });

  it('refuses __proto__ keys at any depth with KMS.0214', () => {
    expect(codeOf(() => parseJsonBody('{"__proto__":{"x":1}}'))).toBe('KMS.0214');
    expect(codeOf(() => parseJsonBody('{"a":[{"b":{"__proto__":1}}]}'))).toBe('KMS.0214');
    expect(parseJsonBody('{"constructor":"fine as data"}')).toEqual({
      constructor: 'fine as data',
    });
  });
});
