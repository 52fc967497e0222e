/**
 * Issue 12: the team history and its audit in the browser, against a console with the
 * embedded store. What one browser encrypts, a second, fresh browser finds (with its context)
 * and decrypts; the Audit page shows both actions and who did them; a record made while the
 * store is unreachable waits in the browser and is saved when it is back.
 */
import type { Browser, Page } from '@playwright/test';
import { encryptThroughUi, openEncryptPage } from './support/console';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { KEYS } from './support/keys';

function teamRecord(page: Page, cipherText: string) {
  return page
    .getByRole('region', { name: 'History' })
    .getByRole('listitem')
    .filter({ hasText: cipherText });
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function openTeamHistory(page: Page): Promise<void> {
  await page.goto('/#/history');
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.getByText(/by everyone/)).toBeVisible();
}

test('a record made in one browser is found, decrypted and audited from another', async ({
  page,
  browser,
  secrets,
}) => {
  const plainText = `team secret ${Date.now()}`;
  const marker = `ctx-${Date.now().toString(36)}`;
  secrets.push(plainText);
  await openEncryptPage(page);
  await page.getByLabel('Label').fill(`Payroll ${marker}`);
  const cipherText = await encryptThroughUi(page, {
    key: KEYS.aes,
    plainText,
    context: [['batch', marker]],
  });
  // Verify decrypts too, but is audited as a verification, not as an operator's decryption.
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('Round trip verified')).toBeVisible();

  const other = await freshPage(browser);
  try {
    await openTeamHistory(other);
    await other.getByRole('searchbox', { name: 'Search history' }).fill(marker);
    const record = teamRecord(other, cipherText);
    await expect(record).toHaveCount(1);
    await expect(record).toContainText(`batch = ${marker}`);
    await expect(record).toContainText(`Payroll ${marker}`);
    await expect(record).toContainText('by local');
    await expectNoAxeViolations(other, 'team history');

    await record.getByRole('button', { name: 'Decrypt' }).click();
    await expect(other.getByRole('textbox', { name: 'Ciphertext' })).toHaveValue(cipherText);
    await other.getByRole('button', { name: 'Decrypt', exact: true }).click();
    const result = other.getByRole('region', { name: 'Decrypted' });
    await result.getByRole('button', { name: 'Reveal' }).click();
    await expect(result.getByRole('textbox', { name: 'Plaintext' })).toHaveValue(plainText);

    await other.getByRole('link', { name: 'Audit' }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
    await other.getByLabel('Key ID').fill(KEYS.aes.id);
    const table = other.getByRole('table');
    await expect(table.getByRole('row').filter({ hasText: 'encrypt' }).first()).toContainText(
      'local',
    );
    await other.getByLabel('Action').selectOption('decrypt');
    const decryptRow = table.getByRole('row').filter({ hasText: 'decrypt' }).first();
    await expect(decryptRow).toContainText('local');
    await expect(decryptRow).toContainText('ok');
    await other.getByLabel('Action').selectOption('verify');
    await expect(table.getByRole('row').filter({ hasText: 'verify' }).first()).toBeVisible();
    await expectNoAxeViolations(other, 'audit');
  } finally {
    await other.context().close();
  }
});

test('a label is edited later, and Delete can be undone', async ({ page, secrets }) => {
  secrets.push('labelled later');
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, { key: KEYS.sm4, plainText: 'labelled later' });
  await openTeamHistory(page);
  const record = teamRecord(page, cipherText);
  await expect(record).toBeVisible();
  const label = `renamed-${Date.now().toString(36)}`;
  await record.getByRole('button', { name: 'Edit label' }).click();
  await record.getByRole('textbox', { name: 'Label' }).fill(label);
  await record.getByRole('button', { name: 'Save label' }).click();
  await expect(page.getByText('Label saved.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search history' }).fill(label);
  await expect(teamRecord(page, cipherText)).toContainText(label);

  await teamRecord(page, cipherText).getByRole('button', { name: 'Delete' }).click();
  await expect(teamRecord(page, cipherText)).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(teamRecord(page, cipherText)).toBeVisible();
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search history' }).fill(label);
  await expect(teamRecord(page, cipherText)).toBeVisible();

  await teamRecord(page, cipherText).getByRole('button', { name: 'Delete' }).click();
  // The message (and its Undo) goes away by itself, and then the delete is for good.
  await expect(page.getByText('Entry deleted.')).toBeHidden({ timeout: 10_000 });
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search history' }).fill(label);
  await expect(page.getByText('No record matches')).toBeVisible();
});

test('while the store is unreachable the encryption succeeds and its record waits', async ({
  page,
  secrets,
}) => {
  secrets.push('made during an outage');
  await page.route('**/api/history', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    return route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({
        error: { error_code: 'CONSOLE.0104', error_msg: 'The history store is unavailable.' },
      }),
    });
  });
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, {
    key: KEYS.aes,
    plainText: 'made during an outage',
  });
  await openTeamHistory(page);
  await expect(page.getByText('1 record waiting to be saved')).toBeVisible();
  await expect(teamRecord(page, cipherText)).toHaveCount(0);

  await page.unroute('**/api/history');
  await page.reload();
  await expect(teamRecord(page, cipherText)).toBeVisible();
  await expect(page.getByText(/waiting to be saved/)).toHaveCount(0);
});

test("a browser's own entries are offered for import once", async ({ page }) => {
  await page.goto('/');
  const cipherText = `QUJD${Date.now().toString(36).toUpperCase()}QUJDQUJD`;
  await page.evaluate(
    ({ keyId, cipherText: text }) => {
      localStorage.setItem(
        'kms-console.history',
        JSON.stringify({
          version: 1,
          entries: [
            {
              id: 'from-before',
              createdAt: '2025-01-02T03:04:05.000Z',
              keyId,
              algorithm: 'SYMMETRIC_DEFAULT',
              encryptionContext: { imported: 'yes' },
              cipherText: text,
            },
          ],
        }),
      );
    },
    { keyId: KEYS.aes.id, cipherText },
  );
  await openTeamHistory(page);
  await expect(page.getByText('This browser kept 1 entry of its own.')).toBeVisible();
  await page.getByRole('button', { name: 'Add to team history' }).click();
  await expect(page.getByText('Added to the team history: 1 new, 0 already there.')).toBeVisible();
  // Dated 2025, it sits far down a shared store: search for it by its ciphertext's start.
  await page.getByRole('searchbox', { name: 'Search history' }).fill(cipherText.slice(0, 12));
  await expect(teamRecord(page, cipherText)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.getByText(/entry of its own/)).toHaveCount(0);
});
