import { enCore } from './core';
import { enRest } from './rest';

/**
 * English: the reference dictionary, one file per page or area, in two parts (core.ts for the
 * first view, rest.ts for everything else). Every key here must exist in every other language
 * (the type of the other dictionaries enforces it, a unit test checks the placeholders too).
 */
export const en = { ...enCore, ...enRest } as const;

export type CoreMessages = typeof enCore;
export type RestMessages = typeof enRest;
export type MessageKey = keyof typeof en;
export type Dictionary = Readonly<Record<MessageKey, string>>;
