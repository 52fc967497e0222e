/**
 * Every way decrypting (or encrypting) an envelope can fail, as a closed set the UI can word.
 * On any decrypt error the consumer must discard all plaintext already received: a stream is
 * only authentic once it has ended without error.
 */
export const ENVELOPE_ERROR_KINDS = [
  /** The bytes do not start like a format 2.0 message (wrong magic/version, empty input). */
  'not-an-envelope',
  /** A known message format, but not suite 0x0478 (e.g. format 1.0 or a signed suite). */
  'unsupported-suite',
  /** The header is structurally invalid or outside our limits (before any key is used). */
  'malformed-header',
  /** The header authentication tag does not verify: some header byte was changed. */
  'header-changed',
  /** The keyring could not produce a data key on encrypt (KMS refused, network, ...). */
  'data-key-unavailable',
  /** No keyring could unwrap an encrypted data key (wrong key, KMS refused, changed EDK). */
  'data-key-unwrap-failed',
  /** The data key does not match the header's commitment: wrong or substituted data key. */
  'commitment-mismatch',
  /** The header's encryption context lacks a pair the caller required. */
  'context-mismatch',
  /** A frame's authentication tag does not verify: some frame byte was changed. */
  'frame-changed',
  /** A frame carries an unexpected sequence number: frames were reordered, dropped or repeated. */
  'frames-reordered',
  /** The input ended before the final frame was complete. */
  'truncated',
  /** Bytes follow the final frame. */
  'trailing-data',
  /** Encrypt options or input are invalid (bad context, frame length, too many frames). */
  'invalid-input',
] as const;

export type EnvelopeErrorKind = (typeof ENVELOPE_ERROR_KINDS)[number];

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';

  constructor(
    readonly kind: EnvelopeErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isEnvelopeError(error: unknown): error is EnvelopeError {
  return error instanceof EnvelopeError;
}
