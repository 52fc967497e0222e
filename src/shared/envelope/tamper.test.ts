import { describe, expect, it } from 'vitest';
import { decryptBytes, encryptBytes } from './bytes-api';
import { concatBytes } from './bytes';
import { IV_LENGTH, TAG_LENGTH } from './constants';
import type { EnvelopeErrorKind } from './errors';
import { parseHeader } from './header-info';
import {
  WRAPPING_KEY,
  expectEnvelopeError,
  fixedDataKeyKeyring,
  patternBytes,
  testKeyring,
} from './test-helpers';
import { rawAesKeyring } from './raw-aes-keyring';

const FRAME = 32;
const REGULAR = 4 + IV_LENGTH + FRAME + TAG_LENGTH;
const keyring = testKeyring();
const plaintext = patternBytes(3 * FRAME + 5);

async function smallEnvelope() {
  const envelope = await encryptBytes(keyring, plaintext, {
    frameLength: FRAME,
    encryptionContext: { department: 'finance', file: 'q3.xlsx' },
  });
  const { headerLength } = await parseHeader(envelope);
  // Regular frames 1..3, then the final frame.
  const frameStarts = [0, 1, 2, 3].map((index) => headerLength + index * REGULAR);
  return { envelope, headerLength, frameStarts };
}

async function kindOf(bytes: Uint8Array, using = keyring): Promise<EnvelopeErrorKind> {
  return (await expectEnvelopeError(decryptBytes(using, bytes))).kind;
}

function splice(envelope: Uint8Array, parts: Array<[number, number]>): Uint8Array {
  return concatBytes(...parts.map(([start, end]) => envelope.subarray(start, end)));
}

describe('tampering is detected', () => {
  it('rejects every single-byte change of a small message', async () => {
    const { envelope } = await smallEnvelope();
    for (let index = 0; index < envelope.length; index += 1) {
      for (const mask of [0x01, 0x80]) {
        const changed = envelope.slice();
        changed[index] = (changed[index] ?? 0) ^ mask;
        await expectEnvelopeError(decryptBytes(keyring, changed));
      }
    }
  });

  it('names a changed header, frame, and commitment', async () => {
    const dataKey = patternBytes(32, 3);
    const fixed = fixedDataKeyKeyring(dataKey);
    const envelope = await encryptBytes(fixed, plaintext, {
      frameLength: FRAME,
      encryptionContext: { department: 'finance' },
    });
    const { headerLength } = await parseHeader(envelope);
    const changeAt = (index: number) => {
      const changed = envelope.slice();
      changed[index] = (changed[index] ?? 0) ^ 0x01;
      return changed;
    };
    // Byte 45 is inside the context key "department" (after version, suite, id, lengths).
    expect(await kindOf(changeAt(45), fixed)).toBe('header-changed');
    expect(await kindOf(changeAt(headerLength - TAG_LENGTH - 1), fixed)).toBe(
      'commitment-mismatch',
    );
    expect(await kindOf(changeAt(headerLength - 1), fixed)).toBe('header-changed');
    expect(await kindOf(changeAt(headerLength + 4 + IV_LENGTH + 3), fixed)).toBe('frame-changed');
    expect(await kindOf(changeAt(headerLength + 4 + 2), fixed)).toBe('frame-changed');
    const wrongKey = fixedDataKeyKeyring(patternBytes(32, 4));
    expect(await kindOf(envelope, wrongKey)).toBe('commitment-mismatch');
  });

  it('says truncated at every frame boundary and inside frames', async () => {
    const { envelope, headerLength, frameStarts } = await smallEnvelope();
    for (const end of [...frameStarts, envelope.length - 1]) {
      expect(await kindOf(envelope.subarray(0, end))).toBe('truncated');
    }
    for (let end = headerLength; end < envelope.length; end += 1) {
      expect(await kindOf(envelope.subarray(0, end))).toBe('truncated');
    }
    for (let end = 1; end < headerLength; end += 1) {
      await expectEnvelopeError(decryptBytes(keyring, envelope.subarray(0, end)));
    }
    expect(await kindOf(new Uint8Array(0))).toBe('not-an-envelope');
  });

  it('says frames-reordered when frames are swapped, repeated or dropped', async () => {
    const { envelope, headerLength, frameStarts } = await smallEnvelope();
    const [f1, f2, f3, final] = frameStarts as [number, number, number, number];
    const end = envelope.length;
    const rearranged: Record<string, Array<[number, number]>> = {
      swapped: [
        [0, headerLength],
        [f2, f3],
        [f1, f2],
        [f3, end],
      ],
      repeated: [
        [0, f2],
        [f1, end],
      ],
      dropped: [
        [0, f2],
        [f3, end],
      ],
      finalFirst: [
        [0, headerLength],
        [final, end],
      ],
    };
    for (const [name, parts] of Object.entries(rearranged)) {
      expect([name, await kindOf(splice(envelope, parts))]).toEqual([name, 'frames-reordered']);
    }
  });

  it('says trailing-data when bytes follow the final frame', async () => {
    const { envelope } = await smallEnvelope();
    expect(
      await kindOf(
        splice(envelope, [
          [0, envelope.length],
          [0, 1],
        ]),
      ),
    ).toBe('trailing-data');
    const twice = splice(envelope, [
      [0, envelope.length],
      [0, envelope.length],
    ]);
    expect(await kindOf(twice)).toBe('trailing-data');
  });

  it('refuses frames from another message under the same keyring', async () => {
    const first = await smallEnvelope();
    const second = await smallEnvelope();
    const [f1, f2] = first.frameStarts as [number, number];
    const mixed = splice(first.envelope, [
      [0, f1],
      [f1, f2],
    ]);
    const foreign = second.envelope.subarray(second.frameStarts[1]);
    const combined = new Uint8Array(mixed.length + foreign.length);
    combined.set(mixed);
    combined.set(foreign, mixed.length);
    expect(await kindOf(combined)).toBe('frame-changed');
  });

  it('says data-key-unwrap-failed for the wrong keyring', async () => {
    const { envelope } = await smallEnvelope();
    const otherKey = WRAPPING_KEY.map((byte) => byte ^ 0xff);
    expect(await kindOf(envelope, testKeyring(otherKey))).toBe('data-key-unwrap-failed');
    const otherName = rawAesKeyring({
      keyNamespace: 'test',
      keyName: 'another-key',
      wrappingKey: WRAPPING_KEY,
    });
    expect(await kindOf(envelope, otherName)).toBe('data-key-unwrap-failed');
  });

  it('checks a required encryption context', async () => {
    const { envelope } = await smallEnvelope();
    const required = (context: Record<string, string>) =>
      decryptBytes(keyring, envelope, { requiredEncryptionContext: context });
    await expect(required({ department: 'finance' })).resolves.toBeDefined();
    const error = await expectEnvelopeError(required({ department: 'sales' }));
    expect(error.kind).toBe('context-mismatch');
  });

  it('names what is not an envelope or not our suite', async () => {
    const { envelope } = await smallEnvelope();
    const withByte = (index: number, value: number) => {
      const changed = envelope.slice();
      changed[index] = value;
      return changed;
    };
    expect(await kindOf(new TextEncoder().encode('hello world'))).toBe('not-an-envelope');
    expect(await kindOf(withByte(0, 0x01))).toBe('unsupported-suite');
    expect(await kindOf(withByte(1, 0x05))).toBe('unsupported-suite');
    expect(await kindOf(withByte(2, 0x78 ^ 1))).toBe('unsupported-suite');
  });
});
