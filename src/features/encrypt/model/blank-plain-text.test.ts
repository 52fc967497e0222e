import { describe, expect, it } from 'vitest';
import { isBlankPlainText } from './encrypt-form';

describe('isBlankPlainText', () => {
  it('flags text of whitespace only, Unicode spaces included', () => {
    expect(isBlankPlainText('   ')).toBe(true);
    expect(isBlankPlainText('\n\t \r\n')).toBe(true);
    expect(isBlankPlainText('\u3000\u00a0')).toBe(true);
  });

  it('leaves empty text to the required rule, and any visible character alone', () => {
    expect(isBlankPlainText('')).toBe(false);
    expect(isBlankPlainText('  x  ')).toBe(false);
    expect(isBlankPlainText('.')).toBe(false);
  });
});
