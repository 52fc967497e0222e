import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initialLocale, loadDictionary, LOCALE_STORAGE_KEY, type Locale } from '../features/i18n';
import { App } from './App';
import { applyInitialColorScheme } from './color-scheme';
import { AppProviders } from './providers';

function storedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  applyInitialColorScheme();
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
      <AppProviders locale={locale}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
}

void start();
