/**
 * RSASSA-PKCS1-v1_5 and RSASSA-PSS over a digest (RFC 8017 §8, §9). Node signs only messages it
 * hashes itself, and message_type DIGEST hands us the hash, so the encodings are built here
 * and the RSA operation alone is Node's. PSS signs with a salt as long as the hash (what
 * `openssl dgst -sigopt rsa_pss_saltlen:digest` expects) and verifies any salt length, as
 * OpenSSL's "auto" does, so signatures made with OpenSSL's default (maximum) salt verify too.
 */
import {
  constants,
  createHash,
  privateEncrypt,
  publicDecrypt,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { DIGEST_BYTES, type DigestName } from './signature-digests';

type RsaDigest = Exclude<DigestName, 'sm3'>;

/** The DER DigestInfo prefix of each hash (RFC 8017 §9.2 note 1). */
const DIGEST_INFO_PREFIX: Record<RsaDigest, Buffer> = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};

export function signPkcs1(privateKey: KeyObject, digest: RsaDigest, hash: Buffer): Buffer {
  const digestInfo = Buffer.concat([DIGEST_INFO_PREFIX[digest], hash]);
  return privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, digestInfo);
}

export function verifyPkcs1(
  publicKey: KeyObject,
  digest: RsaDigest,
  hash: Buffer,
  signature: Buffer,
): boolean {
  const expected = Buffer.concat([DIGEST_INFO_PREFIX[digest], hash]);
  const recovered = recoverOrNull(publicKey, constants.RSA_PKCS1_PADDING, signature);
  return recovered !== null && recovered.length === expected.length
    ? timingSafeEqual(recovered, expected)
    : false;
}

function mgf1(digest: RsaDigest, seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  const counter = Buffer.alloc(4);
  for (let total = 0, i = 0; total < length; i++) {
    counter.writeUInt32BE(i);
    const block = createHash(digest).update(seed).update(counter).digest();
    blocks.push(block);
    total += block.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function xorInto(target: Buffer, mask: Buffer): void {
  for (let i = 0; i < target.length; i++) target[i]! ^= mask[i]!;
}

function saltedHash(digest: RsaDigest, hash: Buffer, salt: Buffer): Buffer {
  return createHash(digest).update(Buffer.alloc(8)).update(hash).update(salt).digest();
}

/** Bits of the encoded message that must be zero: 8·emLen − (modBits − 1). */
function topMask(modulusBits: number): number {
  const unusedBits = 8 * Math.ceil((modulusBits - 1) / 8) - (modulusBits - 1);
  return 0xff >> unusedBits;
}

function modulusBitsOf(key: KeyObject): number {
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits === undefined) throw new Error('not an RSA key');
  return bits;
}

export function signPss(privateKey: KeyObject, digest: RsaDigest, hash: Buffer): Buffer {
  const modulusBits = modulusBitsOf(privateKey);
  const emLength = Math.ceil((modulusBits - 1) / 8);
  const hashLength = DIGEST_BYTES[digest];
  const salt = randomBytes(hashLength);
  const h = saltedHash(digest, hash, salt);
  const db = Buffer.alloc(emLength - hashLength - 1);
  db[db.length - hashLength - 1] = 0x01;
  salt.copy(db, db.length - hashLength);
  xorInto(db, mgf1(digest, h, db.length));
  db[0]! &= topMask(modulusBits);
  const encoded = Buffer.concat([db, h, Buffer.from([0xbc])]);
  // RSASP1 on a modulus-sized block; a 2048-bit modulus has emLength = 256 bytes already.
  const block = Buffer.concat([Buffer.alloc(modulusBits / 8 - emLength), encoded]);
  return privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, block);
}

export function verifyPss(
  publicKey: KeyObject,
  digest: RsaDigest,
  hash: Buffer,
  signature: Buffer,
): boolean {
  const modulusBits = modulusBitsOf(publicKey);
  if (signature.length !== modulusBits / 8) return false;
  const block = recoverOrNull(publicKey, constants.RSA_NO_PADDING, signature);
  if (block === null) return false;
  const emLength = Math.ceil((modulusBits - 1) / 8);
  const encoded = block.subarray(block.length - emLength);
  const hashLength = DIGEST_BYTES[digest];
  if (encoded[encoded.length - 1] !== 0xbc) return false;
  const db = Buffer.from(encoded.subarray(0, emLength - hashLength - 1));
  const h = encoded.subarray(emLength - hashLength - 1, emLength - 1);
  if ((db[0]! & ~topMask(modulusBits)) !== 0) return false;
  xorInto(db, mgf1(digest, h, db.length));
  db[0]! &= topMask(modulusBits);
  const separator = db.findIndex((byte) => byte !== 0);
  if (separator < 0 || db[separator] !== 0x01) return false;
  const expected = saltedHash(digest, hash, db.subarray(separator + 1));
  return timingSafeEqual(expected, h);
}

function recoverOrNull(publicKey: KeyObject, padding: number, signature: Buffer): Buffer | null {
  try {
    return publicDecrypt({ key: publicKey, padding }, signature);
  } catch {
    return null;
  }
}
