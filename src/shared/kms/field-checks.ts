// Field checks that name the KMS code their failure maps to. kmsErrorFromIssues reads
// `params.kmsErrorCode` from a custom issue, so a field refused by a type check and by a
// range check answers with the same documented code.
import { z } from 'zod/mini';
import type { KmsErrorCode } from './errors';

export function failsWith(code: KmsErrorCode, message: string) {
  return { message, params: { kmsErrorCode: code } };
}

/** A string that passes `test`; anything else (a number, null, a bad string) fails with `code`. */
export function codedString(code: KmsErrorCode, message: string, test: (text: string) => boolean) {
  return z.custom<string>(
    (value) => typeof value === 'string' && test(value),
    failsWith(code, message),
  );
}

/**
 * A whole number the wire sends as a string (limit, offset, marker), taken as a JSON number
 * too. `allowEmpty` admits the `""` the documented examples send for "not given".
 */
export function decimalText(
  code: KmsErrorCode,
  field: string,
  min: number,
  max: number,
  allowEmpty = false,
) {
  return z.custom<string | number>(
    (value) => {
      if (allowEmpty && value === '') return true;
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string' || !/^[0-9]{1,10}$/.test(text)) return false;
      const number = Number(text);
      return number >= min && number <= max;
    },
    failsWith(code, `${field} is a whole number from ${min} to ${max}, written as a string.`),
  );
}

/** The value of a decimalText field, or `fallback` when absent or "". */
export function decimalOr(value: string | number | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  return Number(value);
}

/**
 * Answer fields that are plain strings on the wire: KMS answers most scalars, numbers and
 * dates included, as strings (KMS-API-2.md §0).
 */
export function stringFields<const Names extends readonly string[]>(
  ...names: Names
): { [Name in Names[number]]: z.ZodMiniString<string> } {
  return Object.fromEntries(names.map((name) => [name, z.string()])) as {
    [Name in Names[number]]: z.ZodMiniString<string>;
  };
}
