/**
 * Issue 4 item 6: the history's export/import, its recovery from a corrupt store, search,
 * delete and the cap, all without ever holding a plaintext.
 */
import { readFile } from 'node:fs/promises';
import { encryptThroughUi, historyEntry, openEncryptPage, openHistory } from './support/console';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { KEYS } from './support/keys';

const STORAGE_KEY = 'kms-console.history';

async function listedCipherTexts(page: import('@playwright/test').Page): Promise<string[]> {
  const items = page.getByRole('region', { name: 'History' }).getByRole('listitem');
  const texts = await items.allInnerTexts();
  return texts.map((text) => /Ciphertext\s+([A-Za-z0-9+/=]+)/.exec(text)?.[1] ?? text).sort();
}

test('export → clear → import restores the same entries; CSV exports for spreadsheets', async ({
  page,
  secrets,
}, testInfo) => {
  secrets.push('first export secret', 'second export secret');
  await openEncryptPage(page);
  await encryptThroughUi(page, {
    key: KEYS.aes,
    plainText: 'first export secret',
    context: [['k', 'v']],
  });
  await page.getByRole('button', { name: 'Encrypt another' }).click();
  await page.getByLabel('Plaintext').fill('second export secret');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Result' })).toBeVisible();
  await openHistory(page);
  const before = await listedCipherTexts(page);
  expect(before).toHaveLength(2);
  const storedBefore = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

  await page.getByRole('button', { name: 'Export' }).click();
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Export as CSV/ }).click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    'created_at,key_id,key_alias,key_spec,encryption_algorithm,encryption_context,cipher_text',
  );
  expect(csv).toContain(KEYS.aes.id);

  await page.getByRole('button', { name: 'Export' }).click();
  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Export as JSON/ }).click();
  const download = await jsonDownload;
  expect(download.suggestedFilename()).toMatch(/^kms-console-history-.*\.json$/);
  const exportPath = testInfo.outputPath('history.json');
  await download.saveAs(exportPath);
  const exported = await readFile(exportPath, 'utf8');
  for (const secret of secrets) expect(exported + csv).not.toContain(secret);

  await page.getByRole('button', { name: 'Clear history' }).click();
  await page.getByRole('button', { name: 'Clear all entries' }).click();
  await expect(page.getByText('No encryptions yet')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(exportPath);
  await expect(page.getByText('Imported 2 entries (0 already present).')).toBeVisible();
  expect(await listedCipherTexts(page)).toEqual(before);
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(storedBefore);
});

test('importing a malformed file changes nothing and says why', async ({ page, secrets }) => {
  secrets.push('stays put');
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, { key: KEYS.sm4, plainText: 'stays put' });
  await openHistory(page);
  const storedBefore = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

  const importFile = async (name: string, content: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import' }).click();
    await (
      await chooser
    ).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  };
  const refusal = page.getByRole('alert').filter({ hasText: 'Import refused' });

  await importFile('broken.json', '{"format": "kms-encrypt-console/history", ');
  await expect(refusal).toContainText('The file is not JSON.');
  await expect(refusal).toContainText('Your history was not changed.');

  await importFile(
    'plaintext.json',
    JSON.stringify({
      format: 'kms-encrypt-console/history',
      version: 1,
      exportedAt: new Date().toISOString(),
      entries: [
        {
          id: 'x1',
          createdAt: new Date().toISOString(),
          keyId: KEYS.aes.id,
          algorithm: 'SYMMETRIC_DEFAULT',
          encryptionContext: {},
          cipherText: 'QUJD',
          plainText: 'a file must not smuggle plaintext in',
        },
      ],
    }),
  );
  await expect(refusal).toContainText('Entry 1 is invalid');

  await importFile('other.json', JSON.stringify({ some: 'thing' }));
  await expect(refusal).toContainText('not a history exported by this console');

  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(storedBefore);
  await expect(historyEntry(page, cipherText)).toBeVisible();
});

test('a corrupted stored history shows a warning and a working page', async ({ page, secrets }) => {
  await page.goto('/');
  await page.evaluate(
    (key) => localStorage.setItem(key, '{"version":1,"entries":[{"id":'),
    STORAGE_KEY,
  );
  await page.goto('/#/history');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  await expect(page.getByText('No encryptions yet')).toBeVisible();
  await expectNoAxeViolations(page, 'history with a warning');

  secrets.push('after the corruption');
  await page.getByRole('link', { name: 'Encrypt' }).click();
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveAccessibleDescription(
    /keys listed/,
  );
  const cipherText = await encryptThroughUi(page, {
    key: KEYS.aes,
    plainText: 'after the corruption',
  });
  await openHistory(page);
  await expect(historyEntry(page, cipherText)).toBeVisible();
  // The unreadable text was set aside, not silently destroyed.
  expect(
    await page.evaluate(() => localStorage.getItem('kms-console.history.unreadable')),
  ).toContain('"entries":[{"id":');
});

test('search filters by alias, key id or algorithm, and Delete removes one entry', async ({
  page,
  secrets,
}) => {
  secrets.push('aes entry', 'rsa entry');
  await openEncryptPage(page);
  const aes = await encryptThroughUi(page, { key: KEYS.aes, plainText: 'aes entry' });
  await page.getByRole('button', { name: 'Encrypt another' }).click();
  await page.getByRole('button', { name: 'Encrypt another' }).waitFor({ state: 'detached' });
  const rsa = await encryptThroughUi(page, { key: KEYS.rsa3072, plainText: 'rsa entry' });
  await openHistory(page);

  const search = page.getByRole('searchbox', { name: 'Search history' });
  await search.fill('rsa-3072');
  await expect(historyEntry(page, rsa)).toBeVisible();
  await expect(historyEntry(page, aes)).toHaveCount(0);
  await expect(page.getByText('1 of 2 entries match')).toBeVisible();
  await search.fill('SYMMETRIC');
  await expect(historyEntry(page, aes)).toBeVisible();
  await expect(historyEntry(page, rsa)).toHaveCount(0);
  await search.fill(KEYS.rsa3072.id);
  await expect(historyEntry(page, rsa)).toBeVisible();
  await search.fill('');

  await historyEntry(page, aes).getByRole('button', { name: 'Delete' }).click();
  await expect(historyEntry(page, aes)).toHaveCount(0);
  await expect(historyEntry(page, rsa)).toBeVisible();
  await page.reload();
  await expect(historyEntry(page, aes)).toHaveCount(0);
});

test('the history keeps the newest 1,000 entries and says when old ones drop', async ({
  page,
  secrets,
}) => {
  // A thousand entries to parse on every read, and an axe scan of a full page of them.
  test.slow();
  await page.goto('/');
  await page.evaluate(
    ({ key, keyId }) => {
      const entries = Array.from({ length: 1000 }, (_, n) => ({
        id: `seeded-${n}`,
        createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
        keyId,
        algorithm: 'SYMMETRIC_DEFAULT',
        encryptionContext: {},
        cipherText: `${'QUJD'.repeat(40)}${String(n).padStart(4, '0')}`.replace(/\d/g, 'A'),
      }));
      localStorage.setItem(key, JSON.stringify({ version: 1, entries }));
    },
    { key: STORAGE_KEY, keyId: KEYS.aes.id },
  );
  await page.goto('/#/history');
  await expect(page.getByText('1000 entries')).toBeVisible();

  secrets.push('one more');
  await page.getByRole('link', { name: 'Encrypt' }).click();
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveAccessibleDescription(
    /keys listed/,
  );
  const cipherText = await encryptThroughUi(page, { key: KEYS.aes, plainText: 'one more' });
  await openHistory(page);
  await expect(page.getByText('Older entries removed')).toBeVisible();
  await expect(page.getByText('Removed the oldest entries (1)')).toBeVisible();
  await expectNoAxeViolations(page, 'history with a notice and pages');
  await expect(page.getByText('1000 entries')).toBeVisible();
  await expect(historyEntry(page, cipherText)).toBeVisible();
  const ids = await page.evaluate(
    (key) =>
      (JSON.parse(localStorage.getItem(key) ?? '{}') as { entries: { id: string }[] }).entries.map(
        (entry) => entry.id,
      ),
    STORAGE_KEY,
  );
  expect(ids).toHaveLength(1000);
  expect(ids).not.toContain('seeded-0');
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toBeVisible();
});
