import { Alert, createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shades chosen for at least 4.5:1 contrast of white text on filled buttons in both schemes.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif',
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "Noto Sans Mono", monospace',
  headings: { fontWeight: '650' },
  components: {
    // Light alerts tint the text with the alert colour, too faint on the tinted background
    // (yellow and teal fail 4.5:1): the icon and background carry the colour, text stays text.
    Alert: Alert.extend({
      styles: {
        title: { color: 'var(--mantine-color-text)' },
        message: { color: 'var(--mantine-color-text)' },
      },
    }),
  },
});

/** Mantine's default dimmed grey and error red are below 4.5:1; axe checks every page. */
export const cssVariablesResolver: CSSVariablesResolver = (mantineTheme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': mantineTheme.colors.gray[7] ?? '#495057',
    '--mantine-color-error': mantineTheme.colors.red[9] ?? '#c92a2a',
  },
  dark: {
    '--mantine-color-dimmed': mantineTheme.colors.dark[1] ?? '#b8b8b8',
    '--mantine-color-error': mantineTheme.colors.red[4] ?? '#ff8787',
  },
});
