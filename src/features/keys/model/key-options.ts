import {
  ENCRYPTION_ALGORITHMS,
  KEY_SPEC_INFO,
  KEY_STATES,
  keyIdSchema,
  maxPlainTextBytes,
  PLAIN_TEXT_MAX_BYTES,
  type EncryptionAlgorithm,
  type KeyDetails,
} from '../../../shared/kms';

export type UnavailableReason =
  | 'disabled'
  | 'pendingDeletion'
  | 'pendingActivation'
  | 'pendingImport'
  | 'signOnly'
  | 'notSymmetric';

export type KeyAvailability = { usable: true } | { usable: false; reason: UnavailableReason };

/** Whether a key can encrypt now, and if not, why (shown beside it in the picker). */
export function keyAvailability(key: KeyDetails): KeyAvailability {
  if (KEY_SPEC_INFO[key.key_spec].kind === 'sign-only' || key.key_usage === 'SIGN_VERIFY') {
    return { usable: false, reason: 'signOnly' };
  }
  switch (key.key_state) {
    case KEY_STATES.enabled:
      return { usable: true };
    case KEY_STATES.disabled:
      return { usable: false, reason: 'disabled' };
    case KEY_STATES.pendingDeletion:
      return { usable: false, reason: 'pendingDeletion' };
    case KEY_STATES.pendingActivation:
      return { usable: false, reason: 'pendingActivation' };
    default:
      return { usable: false, reason: 'pendingImport' };
  }
}

/** Which keys a form can choose, and why not the others. */
export type KeyAvailabilityRule = (key: KeyDetails) => KeyAvailability;

/** For envelope encryption: only symmetric keys make data keys; the others say so. */
export function symmetricKeyAvailability(key: KeyDetails): KeyAvailability {
  const availability = keyAvailability(key);
  if (availability.usable && KEY_SPEC_INFO[key.key_spec].kind !== 'symmetric') {
    return { usable: false, reason: 'notSymmetric' };
  }
  return availability;
}

/**
 * What is wrong with a typed, non-empty key id, for both forms: its format, or the state of
 * the key it names when that key is known. Undefined when nothing is.
 */
export function keyIdProblem(
  keyId: string,
  key: KeyDetails | undefined,
): 'format' | Exclude<UnavailableReason, 'notSymmetric'> | undefined {
  if (!keyIdSchema.safeParse(keyId).success) return 'format';
  if (!key) return undefined;
  const availability = keyAvailability(key);
  // Whether a form needs a symmetric key is that form's own rule (the file form has one).
  if (availability.usable || availability.reason === 'notSymmetric') return undefined;
  return availability.reason;
}

/** Usable keys first, then by alias, so the picker opens on what can be chosen. */
export function sortKeys(
  keys: readonly KeyDetails[],
  availability: KeyAvailabilityRule = keyAvailability,
): KeyDetails[] {
  return [...keys].sort((a, b) => {
    const usable = Number(availability(b).usable) - Number(availability(a).usable);
    return usable !== 0 ? usable : a.key_alias.localeCompare(b.key_alias);
  });
}

/** Matches the search text against alias, id and spec, case-insensitively. */
export function keyMatches(key: KeyDetails, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  return [key.key_alias, key.key_id, key.key_spec].some((field) =>
    field.toLowerCase().includes(needle),
  );
}

/** Algorithms the key takes; every algorithm when the key (and so its spec) is unknown. */
export function algorithmsForKey(key: KeyDetails | undefined): readonly EncryptionAlgorithm[] {
  return key ? KEY_SPEC_INFO[key.key_spec].algorithms : ENCRYPTION_ALGORITHMS;
}

/** Plaintext limit in UTF-8 bytes: the OAEP bound for RSA, 4096 bytes otherwise or unknown. */
export function plainTextLimitForKey(
  key: KeyDetails | undefined,
  algorithm: EncryptionAlgorithm,
): number {
  return key ? maxPlainTextBytes(key.key_spec, algorithm) : PLAIN_TEXT_MAX_BYTES;
}

export function isAsymmetricAlgorithm(algorithm: EncryptionAlgorithm | ''): boolean {
  return algorithm !== '' && algorithm !== 'SYMMETRIC_DEFAULT';
}
