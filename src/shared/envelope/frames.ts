import { concatBytes, uint32BE, uint64BE, utf8 } from './bytes';
import {
  BODY_AAD_FINAL_FRAME,
  BODY_AAD_FRAME,
  IV_LENGTH,
  SEQUENCE_NUMBER_END,
  TAG_LENGTH,
} from './constants';
import { EnvelopeError } from './errors';
import type { ContentCipher } from './keys';

const FRAME_LABEL = utf8(BODY_AAD_FRAME);
const FINAL_FRAME_LABEL = utf8(BODY_AAD_FINAL_FRAME);

/** Sequence-number field + IV of a regular frame. */
export const REGULAR_FRAME_PREFIX_LENGTH = 4 + IV_LENGTH;
/** End marker + sequence number + IV + content length of the final frame. */
export const FINAL_FRAME_PREFIX_LENGTH = 4 + 4 + IV_LENGTH + 4;

/** The spec fixes each frame's IV to its sequence number, left-padded with zeros. */
export function frameIv(sequenceNumber: number): Uint8Array {
  const iv = new Uint8Array(IV_LENGTH);
  new DataView(iv.buffer).setUint32(IV_LENGTH - 4, sequenceNumber, false);
  return iv;
}

/** Message body AAD: message id, content string, sequence number, plaintext length. */
function bodyAad(
  messageId: Uint8Array,
  sequenceNumber: number,
  isFinal: boolean,
  contentLength: number,
): Uint8Array {
  return concatBytes(
    messageId,
    isFinal ? FINAL_FRAME_LABEL : FRAME_LABEL,
    uint32BE(sequenceNumber),
    uint64BE(contentLength),
  );
}

/**
 * A run of frames: the whole body, or a piece of it sealed or opened on its own (another
 * thread) that starts at a given sequence number and, unless it ends the message, holds
 * regular frames only.
 */
export interface FrameRun {
  readonly firstSequenceNumber: number;
  readonly endsMessage: boolean;
}

export const WHOLE_BODY: FrameRun = { firstSequenceNumber: 1, endsMessage: true };

export interface FrameContext {
  readonly cipher: ContentCipher;
  readonly messageId: Uint8Array;
}

/** Returns the frame as parts (prefix, ciphertext, tag) so the ciphertext is never copied. */
export async function sealFrame(
  context: FrameContext,
  sequenceNumber: number,
  isFinal: boolean,
  plaintext: Uint8Array,
): Promise<Uint8Array[]> {
  const iv = frameIv(sequenceNumber);
  const sealed = await context.cipher.seal(
    iv,
    bodyAad(context.messageId, sequenceNumber, isFinal, plaintext.length),
    plaintext,
  );
  const prefix = isFinal
    ? concatBytes(
        uint32BE(SEQUENCE_NUMBER_END),
        uint32BE(sequenceNumber),
        iv,
        uint32BE(plaintext.length),
      )
    : concatBytes(uint32BE(sequenceNumber), iv);
  return [prefix, ...sealed];
}

/** Verifies the tag before anything is returned: no unverified plaintext is ever released. */
export async function openFrame(
  context: FrameContext,
  sequenceNumber: number,
  isFinal: boolean,
  sealed: Uint8Array,
): Promise<Uint8Array> {
  const contentLength = sealed.length - TAG_LENGTH;
  try {
    return await context.cipher.open(
      frameIv(sequenceNumber),
      bodyAad(context.messageId, sequenceNumber, isFinal, contentLength),
      sealed,
    );
  } catch (cause) {
    throw new EnvelopeError('frame-changed', `Frame ${sequenceNumber} was changed.`, { cause });
  }
}
