import { useCallback } from 'react';
import { interpolate, useI18n, type MessageParams } from '../../../lib/i18n';
import { fileMode as en } from '../../../lib/i18n/dictionaries/en/file-mode';
import { fileMode as zhCN } from '../../../lib/i18n/dictionaries/zh-CN/file-mode';

export type FileMessageKey = keyof typeof en;
export type FileText = (key: FileMessageKey, params?: MessageParams) => string;

/**
 * The file mode's messages in the chosen language. They come with this chunk rather than the
 * main dictionary, which is part of the first load (both languages: a few KB, loaded only here).
 */
export function useFileText(): FileText {
  const { locale } = useI18n();
  const messages = locale === 'zh-CN' ? zhCN : en;
  return useCallback<FileText>((key, params) => interpolate(messages[key], params), [messages]);
}
