import { describe, expect, it } from 'vitest';
import { blobReader } from '../../../shared/envelope/byte-reader';
import { decryptFrames } from '../../../shared/envelope/decrypt';
import { encryptFrames } from '../../../shared/envelope/encrypt';
import { WHOLE_BODY } from '../../../shared/envelope/frames';
import { deriveContentKey, webCryptoCipher } from '../../../shared/envelope/keys';
import { expectEnvelopeError, patternBytes } from '../../../shared/envelope/test-helpers';
import { envelopeSlices, inThisThread, runBody, type BodyKeys } from './frame-runs';
import { blobSink } from './sinks';

const FRAME = 16;
/** FRAMES_PER_RUN (32) frames of FRAME bytes. */
const RUN = 32 * FRAME;
const messageId = patternBytes(32, 9);

async function keysFor(op: BodyKeys['op']): Promise<BodyKeys> {
  const { contentKey } = await deriveContentKey(patternBytes(32, 1), messageId, op);
  return { op, key: contentKey, messageId, frameLength: FRAME };
}

async function throughRuns(op: BodyKeys['op'], input: Uint8Array): Promise<Uint8Array> {
  const sink = blobSink();
  await runBody(
    inThisThread,
    await keysFor(op),
    new Blob([input as Uint8Array<ArrayBuffer>]),
    sink,
  );
  return new Uint8Array(await ((await sink.commit()) as Blob).arrayBuffer());
}

async function sequentialBody(op: BodyKeys['op'], input: Uint8Array): Promise<Uint8Array> {
  const keys = await keysFor(op);
  const context = { cipher: webCryptoCipher(keys.key), messageId };
  const reader = blobReader(new Blob([input as Uint8Array<ArrayBuffer>]));
  const frames =
    op === 'encrypt'
      ? encryptFrames(context, FRAME, reader)
      : decryptFrames(reader, context, FRAME, WHOLE_BODY);
  const sink = blobSink();
  for await (const chunk of frames) await sink.write(chunk);
  return new Uint8Array(await ((await sink.commit()) as Blob).arrayBuffer());
}

describe('runs of frames sealed and opened apart', () => {
  it.each([0, 1, FRAME, RUN - 1, RUN, RUN + 1, 2 * RUN, 2 * RUN + FRAME + 3, 5 * RUN - 7])(
    'gives the bytes of the whole-body framing for %i bytes, and back',
    async (size) => {
      const plaintext = patternBytes(size, 5);
      const body = await throughRuns('encrypt', plaintext);
      expect(body).toEqual(await sequentialBody('encrypt', plaintext));
      expect(await throughRuns('decrypt', body)).toEqual(plaintext);
    },
  );

  it('cuts the envelope body at frame boundaries, the longer final frame in the last run', () => {
    const regular = 4 + 12 + FRAME + 16;
    const body = 63 * regular + regular + 8;
    const slices = envelopeSlices(body, FRAME);
    expect(slices.map((slice) => slice.end - slice.start)).toEqual([
      32 * regular,
      32 * regular + 8,
    ]);
    expect(slices.map((slice) => slice.run)).toEqual([
      { firstSequenceNumber: 1, endsMessage: false },
      { firstSequenceNumber: 33, endsMessage: true },
    ]);
  });

  it('names the error the whole-body reading names, for every changed or cut body', async () => {
    const body = await throughRuns('encrypt', patternBytes(3 * RUN + 5, 5));
    const changes = [RUN + 40, 2 * RUN + 100, body.length - 3].map((index) => {
      const changed = body.slice();
      changed[index] = (changed[index] ?? 0) ^ 1;
      return changed;
    });
    const cuts = [RUN + 48 * 2, body.length - 1].map((end) => body.slice(0, end));
    const extended = new Uint8Array([...body, 0]);
    for (const damaged of [...changes, ...cuts, extended]) {
      const expected = await expectEnvelopeError(sequentialBody('decrypt', damaged));
      const error = await expectEnvelopeError(throughRuns('decrypt', damaged));
      expect({ kind: error.kind, message: error.message }).toEqual({
        kind: expected.kind,
        message: expected.message,
      });
    }
  });
});
