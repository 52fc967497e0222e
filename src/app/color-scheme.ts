import { localStorageColorSchemeManager } from '@mantine/core';

export const COLOR_SCHEME_STORAGE_KEY = 'kms-console.color-scheme';

export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_STORAGE_KEY });

/**
 * Sets the colour scheme attribute before React renders, so a dark-theme user sees no light
 * flash. Mantine's ColorSchemeScript would do this inline, which the CSP forbids.
 */
export function applyInitialColorScheme(): void {
  let stored: string | null;
  try {
    stored = localStorage.getItem(COLOR_SCHEME_STORAGE_KEY);
  } catch {
    stored = null;
  }
  const scheme =
    stored === 'light' || stored === 'dark'
      ? stored
      : window.matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
}
