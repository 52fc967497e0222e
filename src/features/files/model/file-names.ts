/** The extension of an envelope file, as the issue names it. */
export const ENVELOPE_EXTENSION = '.kmsenc';

export function encryptedFileName(name: string): string {
  return `${name}${ENVELOPE_EXTENSION}`;
}

/** The original name back; a name without the extension gets `.decrypted` instead. */
export function decryptedFileName(name: string): string {
  if (name.toLowerCase().endsWith(ENVELOPE_EXTENSION) && name.length > ENVELOPE_EXTENSION.length) {
    return name.slice(0, -ENVELOPE_EXTENSION.length);
  }
  return `${name}.decrypted`;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** 5242880 → "5.0 MiB": binary units, as the throughput is in MiB/s. */
export function formatByteSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
