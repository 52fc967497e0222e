import type { Messages } from '../types';
import type { files as english } from '../en/files';

export const files: Messages<typeof english> = {
  'files.mode': '输入方式',
  'files.mode.text': '文本',
  'files.mode.file': '文件',
  'files.history.file': '文件',
};
