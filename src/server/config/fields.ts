/** Parsers for single environment variables; each message says what a good value looks like. */
import { z } from 'zod';

export type TrustProxy = boolean | number | string[];

export const nonEmpty = z
  .string()
  .transform((text) => text.trim())
  .pipe(z.string().min(1, 'must not be empty'));

export const port = z
  .string()
  .regex(/^\d{1,5}$/, 'must be a port number 0..65535')
  .transform(Number)
  .pipe(z.number().int().max(65535, 'must be a port number 0..65535'));

export const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1').max(max, `must be at most ${max}`));

export const nonNegativeInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number (0 turns it off)')
    .transform(Number)
    .pipe(z.number().int().max(max, `must be at most ${max}`));

export const hostName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, 'must be a host name or an IP address');

export const httpUrl = z
  .string()
  .trim()
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL without credentials')
  .transform((text) => text.replace(/\/+$/, ''));

export const region = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,64}$/, 'must be a region name such as cn-north-4');

export const projectId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a project id (32 hex characters in Huawei Cloud)');

export const credential = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(16384, 'is too long')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

export const accessToken = z
  .string()
  .min(16, 'must be at least 16 characters (use a long random value)')
  .max(1024, 'is too long')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

export const trustProxy = z
  .string()
  .trim()
  .transform((text, ctx): TrustProxy => {
    if (text === '' || text === 'false') return false;
    if (text === 'true') return true;
    if (/^\d{1,2}$/.test(text)) return Number(text);
    const entries = text.split(',').map((entry) => entry.trim());
    if (entries.every((entry) => /^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(entry))) return entries;
    ctx.addIssue({
      code: 'custom',
      message: 'must be true, false, a hop count, or a comma-separated list of IP addresses/CIDRs',
    });
    return z.NEVER;
  });

export const originList = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (text === '') return [];
    const origins: string[] = [];
    for (const entry of text.split(',')) {
      try {
        const url = new URL(entry.trim());
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
        origins.push(url.origin);
      } catch {
        ctx.addIssue({ code: 'custom', message: `"${entry.trim()}" is not an http(s) origin` });
        return z.NEVER;
      }
    }
    return origins;
  });

/** The URL operators open: an http(s) origin, as the browser will send it in Origin. */
export const publicUrl = z
  .string()
  .trim()
  .transform((text, ctx) => {
    try {
      const url = new URL(text);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.username === '') {
        if (url.pathname === '/' && url.search === '') return url.origin;
      }
    } catch {
      // reported below
    }
    ctx.addIssue({
      code: 'custom',
      message:
        'must be the http(s) URL operators open, without a path (e.g. https://kms.example.com)',
    });
    return z.NEVER;
  });

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
