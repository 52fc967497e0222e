import { blobSink, fileSystemSink, type ByteSink, type FileSystemWritable } from '../model/sinks';

/** The File System Access API's save picker, where the browser has it (Chromium, secure pages). */
interface SavePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string;
  }) => Promise<{ name: string; createWritable(): Promise<FileSystemWritable> }>;
}

export interface SaveTarget {
  sink: ByteSink;
  /** The name of the file written on disk; undefined when the result is a Blob to download. */
  savedAs?: string;
}

/**
 * Streams to a file on disk when the browser can (so a large output never sits in memory),
 * else collects a Blob for a download button. Undefined: the operator cancelled the picker.
 */
export async function chooseSaveTarget(suggestedName: string): Promise<SaveTarget | undefined> {
  const picker = (window as SavePickerWindow).showSaveFilePicker;
  if (!picker) return { sink: blobSink() };
  try {
    const handle = await picker.call(window, { suggestedName });
    return { sink: fileSystemSink(await handle.createWritable()), savedAs: handle.name };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
    // E.g. no user activation left after a slow validation: the Blob path still works.
    return { sink: blobSink() };
  }
}

/** Starts the browser's download of a Blob under `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.click();
  // Revoking while the browser still reads the Blob cancels the download (seen with 256 MiB
  // on a loaded machine after a minute). The panel holds the Blob anyway until "Another file",
  // so a late revoke costs no memory.
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
}
