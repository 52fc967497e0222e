import { randomFillSync } from 'node:crypto';

/**
 * IVs are cut from a pool of random bytes filled 4 KiB at a time: one OpenSSL call per ~340
 * IVs instead of one per encryption (the profile's largest avoidable cost per request). Each
 * byte is handed out once; a spent pool is replaced, never refilled in place, so a returned
 * IV can never change under its caller.
 */
const RANDOM_POOL_BYTES = 4096;
let randomPool = Buffer.alloc(0);
let randomPoolOffset = 0;

export function freshRandomBytes(length: number): Buffer {
  if (length > RANDOM_POOL_BYTES) return randomFillSync(Buffer.alloc(length));
  if (randomPoolOffset + length > randomPool.length) {
    randomPool = randomFillSync(Buffer.allocUnsafe(RANDOM_POOL_BYTES));
    randomPoolOffset = 0;
  }
  const bytes = randomPool.subarray(randomPoolOffset, randomPoolOffset + length);
  randomPoolOffset += length;
  return bytes;
}
