import { openEnvelope, type DecryptOptions } from './decrypt';
import { prepareEncryption, type EncryptOptions } from './encrypt';
import type { EnvelopeHeaderInfo } from './header-info';
import type { Keyring } from './keyring';

/** A transform usable with `readable.pipeThrough(pair)`; backpressure flows end to end. */
export interface EnvelopeTransform {
  readonly writable: WritableStream<Uint8Array>;
  readonly readable: ReadableStream<Uint8Array>;
}

async function* readAll(reader: ReadableStreamDefaultReader<Uint8Array>) {
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    yield value;
  }
}

/**
 * Wraps an async-generator transform as a Web Streams pair. The output is pulled, never
 * pushed (highWaterMark 0), so the frames in flight stay bounded whatever the input size.
 */
function generatorTransform(
  run: (source: AsyncIterable<Uint8Array>) => AsyncGenerator<Uint8Array, void, undefined>,
): EnvelopeTransform {
  const input = new TransformStream<Uint8Array, Uint8Array>();
  const reader = input.readable.getReader();
  const output = run(readAll(reader));
  const readable = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await output.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          // Erroring the input side too makes the upstream pipeTo() reject, not hang.
          await reader.cancel(error).catch(() => undefined);
          throw error;
        }
      },
      async cancel(reason) {
        await output.return(undefined);
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return { writable: input.writable, readable };
}

/**
 * Gets the data key and builds the header first (rejecting if the keyring fails), then returns
 * the transform: plaintext in, envelope out.
 */
export async function createEncryptStream(
  keyring: Keyring,
  options: EncryptOptions = {},
): Promise<EnvelopeTransform & { readonly header: EnvelopeHeaderInfo }> {
  const prepared = await prepareEncryption(keyring, options);
  const transform = generatorTransform(async function* (source) {
    yield prepared.header;
    yield* prepared.frames(source);
  });
  return { ...transform, header: prepared.headerInfo };
}

/**
 * Envelope in, plaintext out. `header` resolves once the header is verified (rejects on any
 * error before that). If the readable side errors, discard everything it produced.
 */
export function createDecryptStream(
  keyring: Keyring,
  options: DecryptOptions = {},
): EnvelopeTransform & { readonly header: Promise<EnvelopeHeaderInfo> } {
  let resolveHeader: (header: EnvelopeHeaderInfo) => void = () => undefined;
  let rejectHeader: (error: unknown) => void = () => undefined;
  const header = new Promise<EnvelopeHeaderInfo>((resolve, reject) => {
    resolveHeader = resolve;
    rejectHeader = reject;
  });
  // Callers that only watch the readable side must not see an unhandled rejection.
  header.catch(() => undefined);
  const transform = generatorTransform(async function* (source) {
    try {
      const opened = await openEnvelope(source, keyring, options);
      resolveHeader(opened.header);
      yield* opened.plaintext;
    } catch (error) {
      rejectHeader(error);
      throw error;
    }
  });
  return { ...transform, header };
}
