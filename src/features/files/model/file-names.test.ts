import { describe, expect, it } from 'vitest';
import { decryptedFileName, encryptedFileName, formatByteSize } from './file-names';
import { blobReader } from '../../../shared/envelope/byte-reader';
import { countingReader, progressOf } from './progress';

describe('file names', () => {
  it('adds .kmsenc on encrypt and takes it off on decrypt', () => {
    expect(encryptedFileName('report.pdf')).toBe('report.pdf.kmsenc');
    expect(decryptedFileName('report.pdf.kmsenc')).toBe('report.pdf');
    expect(decryptedFileName('REPORT.PDF.KMSENC')).toBe('REPORT.PDF');
  });

  it('never decrypts to an empty name or over the envelope itself', () => {
    expect(decryptedFileName('.kmsenc')).toBe('.kmsenc.decrypted');
    expect(decryptedFileName('download.bin')).toBe('download.bin.decrypted');
  });

  it('formats sizes in binary units', () => {
    expect(formatByteSize(0)).toBe('0 B');
    expect(formatByteSize(1023)).toBe('1023 B');
    expect(formatByteSize(5 * 1024 * 1024)).toBe('5.0 MiB');
    expect(formatByteSize(1536)).toBe('1.5 KiB');
  });
});

describe('progress', () => {
  it('gives percent and MiB/s', () => {
    expect(progressOf(512 * 1024, 1024 * 1024, 500)).toEqual({
      bytesDone: 512 * 1024,
      bytesTotal: 1024 * 1024,
      percent: 50,
      mibPerSecond: 1,
    });
    expect(progressOf(0, 0, 0)).toMatchObject({ percent: 100, mibPerSecond: undefined });
  });

  it('counts bytes read, throttled, always reporting the total at the end', async () => {
    const reports: number[] = [];
    let clock = 0;
    const source = blobReader(new Blob([new Uint8Array(50_000)]));
    const reader = countingReader(
      source,
      (bytes) => reports.push(bytes),
      100,
      () => (clock += 10),
    );
    let passed = 0;
    for (let read = await reader.read(1000); read.length > 0; read = await reader.read(1000)) {
      passed += read.length;
    }
    expect(passed).toBe(50_000);
    expect(reports.at(-1)).toBe(50_000);
    expect(reports.length).toBeLessThan(10);
  });
});
