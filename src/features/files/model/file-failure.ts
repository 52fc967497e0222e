import { isApiError, type ApiError } from '../../../lib/api';
import { isEnvelopeError, type EnvelopeErrorKind } from '../../../shared/envelope';

/** Why a file (or an armored text) was refused, in the words the operator can act on. */
export type FileFailure =
  | 'notEnvelope'
  | 'changed'
  | 'truncated'
  | 'foreign'
  | 'contextMismatch'
  | 'dataKeyUnavailable'
  | 'notText'
  | 'unreadable'
  | 'generic';

const BY_KIND: Record<EnvelopeErrorKind, FileFailure> = {
  'not-an-envelope': 'notEnvelope',
  'unsupported-suite': 'notEnvelope',
  'malformed-header': 'notEnvelope',
  'header-changed': 'changed',
  'commitment-mismatch': 'changed',
  'frame-changed': 'changed',
  'frames-reordered': 'changed',
  'trailing-data': 'changed',
  truncated: 'truncated',
  'data-key-unwrap-failed': 'foreign',
  'context-mismatch': 'contextMismatch',
  'data-key-unavailable': 'dataKeyUnavailable',
  'invalid-input': 'generic',
};

/** KMS answers about the wrapped data key that mean the file itself was changed. */
const CHANGED_DATA_KEY_CODES = new Set(['KMS.2203']);

/** The KMS (or console) error behind a failure, to show its code and explanation. */
export function kmsCauseOf(error: unknown): ApiError | undefined {
  if (isApiError(error)) return error;
  if (error instanceof Error && isApiError(error.cause)) return error.cause;
  return undefined;
}

export function fileFailureOf(error: unknown): FileFailure {
  if (isEnvelopeError(error)) {
    const cause = kmsCauseOf(error);
    if (error.kind === 'data-key-unwrap-failed' && cause && CHANGED_DATA_KEY_CODES.has(cause.code))
      return 'changed';
    if (error.kind === 'invalid-input' && /UTF-8/.test(error.message)) return 'notText';
    return BY_KIND[error.kind];
  }
  // File.stream() fails like this when the file was moved or changed on disk meanwhile.
  if (error instanceof DOMException && error.name === 'NotReadableError') return 'unreadable';
  return 'generic';
}
