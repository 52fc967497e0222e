import { expect, type Page } from '@playwright/test';

/**
 * Everything the page's origin keeps: localStorage, sessionStorage, every IndexedDB database
 * and object store, Cache Storage, and the cookies of the browser context, as one text.
 */
export async function dumpBrowserStorage(page: Page): Promise<string> {
  const fromPage = await page.evaluate(async () => {
    const parts: string[] = [];
    const dumpStorage = (name: string, storage: Storage) => {
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i) ?? '';
        parts.push(`${name}:${key}=${storage.getItem(key) ?? ''}`);
      }
    };
    dumpStorage('localStorage', localStorage);
    dumpStorage('sessionStorage', sessionStorage);
    const databases = await indexedDB.databases();
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name ?? '');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(`indexedDB:${info.name}/${storeName}=${JSON.stringify(values)}`);
      }
      db.close();
    }
    if ('caches' in self) {
      for (const cacheName of await caches.keys()) {
        const cache = await caches.open(cacheName);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          parts.push(`cache:${cacheName}:${request.url}=${(await response?.text()) ?? ''}`);
        }
      }
    }
    return parts.join('\n');
  });
  const cookies = await page.context().cookies();
  return `${fromPage}\n${cookies.map((cookie) => `cookie:${cookie.name}=${cookie.value}`).join('\n')}`;
}

/** Asserts that none of the given secrets appears anywhere the browser keeps data. */
export async function expectNoSecretsInStorage(page: Page, secrets: readonly string[]) {
  if (secrets.length === 0 || page.isClosed()) return;
  const dump = await dumpBrowserStorage(page);
  for (const secret of secrets) {
    expect(dump, `browser storage must not contain "${secret.slice(0, 40)}"`).not.toContain(secret);
    // JSON.stringify escapes non-ASCII only in some writers; check the escaped form too.
    expect(dump).not.toContain(JSON.stringify(secret).slice(1, -1));
  }
}
