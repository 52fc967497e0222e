export type MessageParams = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Placeholder names used by a template, for the dictionary completeness test. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}
