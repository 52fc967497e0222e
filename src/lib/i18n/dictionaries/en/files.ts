/**
 * The Text / File switch of the encrypt and decrypt pages: part of their first view. The file
 * mode's own messages are in file-mode.ts, which loads with the file mode (not registered in
 * index.ts, to keep the first load within its budget).
 */
export const files = {
  'files.mode': 'Input',
  'files.mode.text': 'Text',
  'files.mode.file': 'File',
  'files.history.file': 'File',
} as const;
