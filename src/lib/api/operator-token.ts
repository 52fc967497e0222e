/**
 * The operator's own IAM token (operator auth mode). It lives in memory, and in
 * sessionStorage only when the operator asks to keep it for this tab; never in localStorage,
 * never in a URL, never in a query key.
 */
const STORAGE_KEY = 'kms-console.operator-token';

type Listener = () => void;

function readSessionStorage(): string {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

let token = typeof sessionStorage === 'undefined' ? '' : readSessionStorage();
const listeners = new Set<Listener>();

export const operatorToken = {
  get(): string {
    return token;
  },
  isKeptForTab(): boolean {
    return readSessionStorage() !== '';
  },
  set(value: string, keepForTab: boolean): void {
    token = value.trim();
    try {
      if (keepForTab && token) sessionStorage.setItem(STORAGE_KEY, token);
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // sessionStorage unavailable: the token simply stays in memory.
    }
    listeners.forEach((listener) => listener());
  },
  clear(): void {
    operatorToken.set('', false);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
