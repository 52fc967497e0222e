import { describe, expect, it } from 'vitest';
import { contextPairIssues, contextToPairs, pairsToContext } from './context-pairs';

describe('contextPairIssues', () => {
  it('accepts distinct, non-empty keys (values may be empty)', () => {
    expect(
      contextPairIssues([
        { key: 'a', value: '1' },
        { key: 'b', value: '' },
      ]),
    ).toEqual([]);
  });

  it('refuses an empty key and names the pair', () => {
    expect(contextPairIssues([{ key: '', value: 'x' }])).toEqual([
      { index: 0, field: 'key', message: { key: 'validation.context.keyRequired' } },
    ]);
  });

  it('refuses a repeated key and points at the first use', () => {
    const issues = contextPairIssues([
      { key: 'team', value: '1' },
      { key: 'other', value: '2' },
      { key: 'team', value: '3' },
    ]);
    expect(issues).toEqual([
      {
        index: 2,
        field: 'key',
        message: { key: 'validation.context.keyDuplicate', params: { pair: 1 } },
      },
    ]);
  });

  it('refuses a context over 8192 serialized characters', () => {
    const ok = [{ key: 'k', value: 'v'.repeat(8192 - '{"k":""}'.length) }];
    expect(contextPairIssues(ok)).toEqual([]);
    const tooLong = [{ key: 'k', value: 'v'.repeat(8193 - '{"k":""}'.length) }];
    expect(contextPairIssues(tooLong)).toEqual([
      { message: { key: 'validation.context.tooLong', params: { length: 8193, limit: 8192 } } },
    ]);
  });
});

describe('pairsToContext', () => {
  it('keeps __proto__ as an ordinary key instead of changing the prototype', () => {
    const context = pairsToContext([{ key: '__proto__', value: 'x' }]);
    expect(Object.getPrototypeOf(context)).toBe(Object.prototype);
    expect(JSON.stringify(context)).toBe('{"__proto__":"x"}');
  });

  it('round-trips with contextToPairs', () => {
    const pairs = [
      { key: 'a', value: '1' },
      { key: '部门', value: '财务' },
    ];
    expect(contextToPairs(pairsToContext(pairs))).toEqual(pairs);
    expect(contextToPairs(undefined)).toEqual([]);
  });
});
