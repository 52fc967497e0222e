import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initialLocale, loadDictionary, LOCALE_STORAGE_KEY, type Locale } from '../lib/i18n';
import { sessionStatusQuery } from '../features/session';
import { App } from './App';
import { applyInitialColorScheme } from './color-scheme';
import { AppProviders } from './providers';
import { createQueryClient } from './query-client';

function storedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  applyInitialColorScheme();
  const queryClient = createQueryClient();
  // The session check is the round trip after the dictionary's: ask both at once rather than
  // one after the other (the first render then finds the answer, or its request in flight).
  void queryClient.prefetchQuery(sessionStatusQuery());
  let locale: Locale = initialLocale(storedLocale(), navigator.languages);
  try {
    // Load the dictionary before the first paint so a Chinese user never sees English flash.
    await loadDictionary(locale);
  } catch {
    locale = 'en';
    await loadDictionary(locale);
  }
  document.documentElement.lang = locale;
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <AppProviders locale={locale} queryClient={queryClient}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
}

void start();
