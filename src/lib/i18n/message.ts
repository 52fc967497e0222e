import type { MessageKey } from './dictionaries/en';
import type { MessageParams } from './interpolate';

/**
 * A message not yet translated: validation runs in pure code that knows no language, so it
 * names the message and the component translates it when it renders.
 */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

const PREFIX = 'i18n:';

/** zod and react-hook-form carry messages as strings; this packs a Message into one. */
export function encodeMessage(key: MessageKey, params?: MessageParams): string {
  return PREFIX + JSON.stringify(params ? { key, params } : { key });
}

export function decodeMessage(text: string): Message | undefined {
  if (!text.startsWith(PREFIX)) return undefined;
  try {
    const parsed: unknown = JSON.parse(text.slice(PREFIX.length));
    if (typeof parsed === 'object' && parsed !== null && 'key' in parsed) {
      return parsed as Message;
    }
  } catch {
    // Not one of ours: the caller shows the raw text.
  }
  return undefined;
}
