/**
 * Where an encrypted or decrypted stream goes. Nothing written is offered to the operator
 * until `commit()` resolved; `discard()` throws it all away (a failed decryption must never
 * leave partial plaintext behind).
 */
export interface ByteSink {
  /** Bytes, or a Blob of them (a run sealed or opened by a worker thread). */
  write(chunk: Uint8Array | Blob): Promise<void>;
  /** Ends the output; the Blob for the download button, or undefined when saved to disk. */
  commit(): Promise<Blob | undefined>;
  discard(reason: unknown): Promise<void>;
}

/**
 * Frames are gathered to this size before becoming one Blob part: each Blob costs a trip to
 * the browser's blob store, and in Chromium 32 MiB parts are built ~1.5x faster than 8 MiB
 * ones (the bytes wait outside the JS heap either way).
 */
const BLOB_PART_BYTES = 32 * 1024 * 1024;

/**
 * Collects the output as Blob parts. The browser keeps Blob bytes outside the JS heap (and may
 * page them to disk), so a large file does not grow the page's heap by its size.
 */
export function blobSink(type = 'application/octet-stream'): ByteSink {
  let parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending as Uint8Array<ArrayBuffer>[]));
    pending = [];
    pendingBytes = 0;
  };
  return {
    write(chunk) {
      if (chunk instanceof Blob) {
        flush();
        parts.push(chunk);
        return Promise.resolve();
      }
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= BLOB_PART_BYTES) flush();
      return Promise.resolve();
    },
    commit() {
      flush();
      const blob = new Blob(parts, { type });
      parts = [];
      return Promise.resolve(blob);
    },
    discard() {
      parts = [];
      pending = [];
      pendingBytes = 0;
      return Promise.resolve();
    },
  };
}

/** The part of the File System Access API's writable this sink uses. */
export interface FileSystemWritable {
  write(data: Uint8Array<ArrayBuffer> | Blob): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

/**
 * Streams to a file the operator chose. Chromium writes to a swap file and moves it into place
 * only on close(); abort() deletes it, so a failed decryption leaves nothing under the name.
 */
export function fileSystemSink(writable: FileSystemWritable): ByteSink {
  return {
    write: (chunk) =>
      writable.write(chunk instanceof Blob ? chunk : (chunk as Uint8Array<ArrayBuffer>)),
    async commit() {
      await writable.close();
      return undefined;
    },
    discard: (reason) => writable.abort(reason).catch(() => undefined),
  };
}
