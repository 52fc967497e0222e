// Node adapter of the envelope format (src/shared/envelope) for the command line.
export { decryptFile, encryptFile } from './files';
export type { FileOptions } from './files';
