export type CopyOutcome = 'copied' | 'unavailable';

/**
 * Writes text with the Clipboard API. It is missing on plain HTTP pages other than localhost
 * and can be refused by policy; both come back as 'unavailable' so the caller can fall back
 * to selecting the text for a manual copy.
 */
export async function writeClipboard(text: string): Promise<CopyOutcome> {
  const clipboard: Clipboard | undefined =
    typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== 'function') return 'unavailable';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'unavailable';
  }
}

/** Selects the whole content of an input, a textarea or any element with text. */
export function selectText(element: HTMLElement): void {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.focus();
    element.select();
    return;
  }
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
