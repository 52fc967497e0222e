import { describe, expect, it } from 'vitest';
import { CONSOLE_ERROR_CODES } from '../../../shared/console';
import { KMS_ERROR_CODES } from '../../../shared/kms';
import { interpolate, placeholdersOf } from '../interpolate';
import { initialLocale, localeFromBrowser } from '../locale';
import { decodeMessage, encodeMessage } from '../message';
import { en } from './en';
import * as enDecrypt from './en/decrypt';
import * as enEncrypt from './en/encrypt';
import * as enErrors from './en/errors';
import * as enFiles from './en/files';
import * as enHistory from './en/history';
import * as enAudit from './en/audit';
import * as enKeyDetails from './en/key-details';
import * as enKeys from './en/keys';
import * as enResult from './en/result';
import * as enShell from './en/shell';
import * as enSignIn from './en/sign-in';
import * as enValidation from './en/validation';
import { zhCN } from './zh-CN';

describe('dictionaries', () => {
  it('have exactly the same keys in English and Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, english] of Object.entries(en)) {
      const chinese = zhCN[key as keyof typeof en];
      expect(placeholdersOf(chinese), key).toEqual(placeholdersOf(english));
    }
  });

  it('have no empty or untranslated Chinese text', () => {
    const sameAsEnglish = Object.entries(en).filter(
      ([key, english]) => zhCN[key as keyof typeof en] === english && /[a-z]{4,}/.test(english),
    );
    // Only strings that are pure codes or names may stay identical.
    expect(sameAsEnglish.map(([key]) => key)).toEqual(['error.httpStatus']);
    for (const [key, text] of Object.entries(zhCN)) expect(text.trim(), key).not.toBe('');
  });

  it('define each key in one area file only (a later area would silently win)', () => {
    const areas = [
      enShell,
      enKeys,
      enEncrypt,
      enDecrypt,
      enFiles,
      enHistory,
      enAudit,
      enValidation,
      enErrors,
      enKeyDetails,
      enSignIn,
      enResult,
    ];
    const keys = areas.flatMap((module) => Object.values(module).flatMap(Object.keys));
    expect(keys.length).toBe(new Set(keys).size);
    expect(keys.length).toBe(Object.keys(en).length);
  });

  it('explain every KMS and console error code in both languages', () => {
    for (const code of [...Object.keys(KMS_ERROR_CODES), ...Object.keys(CONSOLE_ERROR_CODES)]) {
      expect(en, code).toHaveProperty([`kmsError.${code}`]);
      expect(zhCN, code).toHaveProperty([`kmsError.${code}`]);
    }
  });
});

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{bytes} / {limit} bytes', { bytes: 11, limit: 4096 })).toBe(
      '11 / 4096 bytes',
    );
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
  });
});

describe('locale', () => {
  it('follows the first supported browser language', () => {
    expect(localeFromBrowser(['zh-TW', 'en'])).toBe('zh-CN');
    expect(localeFromBrowser(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
    expect(localeFromBrowser(['de'])).toBe('en');
  });

  it('prefers the remembered choice', () => {
    expect(initialLocale('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(initialLocale('klingon', ['zh-CN'])).toBe('zh-CN');
    expect(initialLocale(null, ['en-US'])).toBe('en');
  });
});

describe('encoded messages', () => {
  it('round-trip through a string, so zod and react-hook-form can carry them', () => {
    const text = encodeMessage('validation.plainText.tooLong', { bytes: 191, limit: 190 });
    expect(decodeMessage(text)).toEqual({
      key: 'validation.plainText.tooLong',
      params: { bytes: 191, limit: 190 },
    });
    expect(decodeMessage('A plain English message.')).toBeUndefined();
    expect(decodeMessage('i18n:{broken')).toBeUndefined();
  });
});
