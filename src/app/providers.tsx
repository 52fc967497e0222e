import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nProvider, type Locale } from '../lib/i18n';
import { colorSchemeManager } from './color-scheme';
import { cssVariablesResolver, theme } from './theme';

interface AppProvidersProps {
  locale: Locale;
  /** Made at start-up, so requests can begin before the first render. */
  queryClient: QueryClient;
  children: ReactNode;
}

export function AppProviders({ locale, queryClient, children }: AppProvidersProps) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
    >
      <QueryClientProvider client={queryClient}>
        <I18nProvider initialLocale={locale}>{children}</I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
