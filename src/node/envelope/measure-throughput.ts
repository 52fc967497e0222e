// Envelope throughput in Node's WebCrypto: `npx tsx src/node/envelope/measure-throughput.ts`.
// Streams 256 MiB through encrypt and decrypt per frame length, and reports MiB/s and the
// peak growth of memory outside the source (which a file read would not hold at all).
import { randomFillSync } from 'node:crypto';
import { decryptMessage, encryptMessage, rawAesKeyring } from '../../shared/envelope';

const TOTAL = 256 * 1024 * 1024;
const READ_CHUNK = 64 * 1024;
const MiB = 1024 * 1024;

const keyring = rawAesKeyring({
  keyNamespace: 'bench',
  keyName: 'bench',
  wrappingKey: randomFillSync(new Uint8Array(32)),
});

/** Fresh 64 KiB chunks, as File.stream() or fs.createReadStream() would deliver. */
async function* plaintextChunks(): AsyncGenerator<Uint8Array> {
  const pattern = randomFillSync(new Uint8Array(READ_CHUNK));
  for (let sent = 0; sent < TOTAL; sent += READ_CHUNK) yield pattern.slice();
}

function memory(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function measure(label: string, run: () => Promise<number>): Promise<void> {
  global.gc?.();
  const before = memory();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, memory())), 5);
  const started = performance.now();
  const bytes = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const growth = (Math.max(peak, memory()) - before) / MiB;
  process.stdout.write(
    `${label.padEnd(28)} ${(bytes / MiB / seconds).toFixed(0).padStart(5)} MiB/s` +
      `  peak memory growth ${growth.toFixed(0)} MiB\n`,
  );
}

for (const frameLength of [64 * 1024, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024]) {
  const envelope: Uint8Array[] = [];
  await measure(`encrypt, ${frameLength / 1024} KiB frames`, async () => {
    let bytes = 0;
    for await (const chunk of encryptMessage(plaintextChunks(), keyring, { frameLength })) {
      bytes += chunk.length;
    }
    return bytes;
  });
  // Keep one envelope in memory for the decrypt run (not counted: it is the "file").
  for await (const chunk of encryptMessage(plaintextChunks(), keyring, { frameLength })) {
    envelope.push(chunk);
  }
  await measure(`decrypt, ${frameLength / 1024} KiB frames`, async () => {
    let bytes = 0;
    async function* source() {
      yield* envelope;
    }
    for await (const chunk of decryptMessage(source(), keyring)) bytes += chunk.length;
    return bytes;
  });
  envelope.length = 0;
}
