/**
 * The one algorithm suite this library writes and reads: AWS Encryption SDK message format 2.0,
 * suite 0x0478 = ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY (AES-256-GCM, HKDF-SHA512 with the
 * message id as salt, key commitment, no signature). See docs/envelope-format.md.
 */
export const MESSAGE_FORMAT_VERSION = 0x02;
/** The 1.0 format starts with this byte; recognised only to say why it is refused. */
export const LEGACY_MESSAGE_FORMAT_VERSION = 0x01;
export const SUITE_ID = 0x0478;
export const CONTENT_TYPE_FRAMED = 0x02;

export const MESSAGE_ID_LENGTH = 32;
export const DATA_KEY_LENGTH = 32;
export const COMMIT_KEY_LENGTH = 32;
export const IV_LENGTH = 12;
export const TAG_LENGTH = 16;

export const SEQUENCE_NUMBER_END = 0xffffffff;
/** Sequence numbers are UInt32 and 0xFFFFFFFF marks the final frame, so this is the last usable. */
export const MAX_SEQUENCE_NUMBER = 0xfffffffe;

/**
 * 1 MiB frames: WebCrypto's per-call overhead dominates below ~256 KiB, while a frame is the
 * unit held in memory (twice: ciphertext in, plaintext out), so larger frames only cost heap.
 */
export const DEFAULT_FRAME_LENGTH = 1024 * 1024;
/**
 * Frames sealed or opened at once: enough to keep WebCrypto's threads and the reads busy
 * while earlier frames are handed on; each costs a frame of plaintext and of ciphertext.
 */
export const FRAMES_IN_FLIGHT = 4;
/** Accepted on decrypt (the official SDKs default to 4096) and on encrypt. */
export const MIN_FRAME_LENGTH = 1;
/** A hostile header could otherwise ask us to buffer up to 4 GiB for one frame. */
export const MAX_FRAME_LENGTH = 16 * 1024 * 1024;
/** Bounds the bytes buffered while looking for the end of a header we cannot parse yet. */
export const MAX_HEADER_LENGTH = 1024 * 1024;
/** The header stores the serialized encryption context behind a UInt16 length. */
export const MAX_ENCRYPTION_CONTEXT_BYTES = 0xffff;
/** The SDK reserves this prefix for its own context keys (e.g. aws-crypto-public-key). */
export const RESERVED_CONTEXT_KEY_PREFIX = 'aws-crypto-';
/** A message with more wrapped keys than this is more likely an attack than a use case. */
export const MAX_ENCRYPTED_DATA_KEYS = 16;

export const BODY_AAD_FRAME = 'AWSKMSEncryptionClient Frame';
export const BODY_AAD_FINAL_FRAME = 'AWSKMSEncryptionClient Final Frame';
export const DERIVE_KEY_LABEL = 'DERIVEKEY';
export const COMMIT_KEY_LABEL = 'COMMITKEY';
