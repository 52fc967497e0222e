/**
 * Issue 13 items 4 and 5 on the history a browser keeps by itself (CONSOLE_HISTORY=off): a
 * label from the encrypt form, search over label, context, date and ciphertext prefix; status
 * messages that go away and count right; an import error in its own place; Undo after Delete.
 */
import { encryptThroughUi, historyEntry, openEncryptPage, openHistory } from './support/console';
import { expect, test } from './support/fixtures';
import { KEYS } from './support/keys';

test('a label is kept with the entry, and search covers label, context, date and ciphertext', async ({
  page,
  secrets,
}) => {
  secrets.push('labelled plaintext', 'other plaintext');
  await openEncryptPage(page);
  await page.getByLabel('Label').fill('Quarterly payroll');
  const labelled = await encryptThroughUi(page, {
    key: KEYS.aes,
    plainText: 'labelled plaintext',
    context: [['department', 'finance']],
  });
  // "Encrypt another" drops the label but keeps the context; a fresh form has neither.
  await page.getByRole('button', { name: 'Encrypt another' }).click();
  await expect(page.getByLabel('Label')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('Label')).toBeVisible();
  const other = await encryptThroughUi(page, { key: KEYS.sm4, plainText: 'other plaintext' });
  await openHistory(page);
  await expect(historyEntry(page, labelled)).toContainText('Quarterly payroll');

  const search = page.getByRole('searchbox', { name: 'Search history' });
  for (const query of ['payroll', 'DEPARTMENT', 'finance', labelled.slice(0, 24)]) {
    await search.fill(query);
    await expect(historyEntry(page, labelled)).toBeVisible();
    await expect(historyEntry(page, other)).toHaveCount(0);
    await expect(page.getByText('1 of 2 entries match')).toBeVisible();
  }
  await search.fill(new Date().toISOString().slice(0, 10));
  await expect(page.getByText('2 of 2 entries match')).toBeVisible();
  await search.fill('2001-01-01');
  await expect(page.getByText('0 of 2 entries match')).toBeVisible();
});

test('Delete offers Undo for a few seconds, and the message goes away by itself', async ({
  page,
  secrets,
}) => {
  secrets.push('undo me');
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, { key: KEYS.aes, plainText: 'undo me' });
  await openHistory(page);
  await expect(page.getByText('1 entry', { exact: true })).toBeVisible();

  await historyEntry(page, cipherText).getByRole('button', { name: 'Delete' }).click();
  await expect(historyEntry(page, cipherText)).toHaveCount(0);
  await expect(page.getByText('0 entries', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(historyEntry(page, cipherText)).toBeVisible();
  await expect(page.getByText('1 entry', { exact: true })).toBeVisible();
  await expect(page.getByText('Entry deleted.')).toHaveCount(0);

  await historyEntry(page, cipherText).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Entry deleted.')).toBeVisible();
  await expect(page.getByText('Entry deleted.')).toBeHidden({ timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await page.reload();
  await expect(historyEntry(page, cipherText)).toHaveCount(0);
});

test('an import error has its own place and does not squeeze the search box', async ({
  page,
  secrets,
}) => {
  secrets.push('keeps its width');
  await openEncryptPage(page);
  await encryptThroughUi(page, { key: KEYS.aes, plainText: 'keeps its width' });
  await openHistory(page);
  const search = page.getByRole('searchbox', { name: 'Search history' });
  const before = await search.boundingBox();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (
    await chooser
  ).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{') });
  const refusal = page.getByRole('alert').filter({ hasText: 'Import refused' });
  await expect(refusal).toContainText('The file is not JSON.');

  const after = await search.boundingBox();
  expect(after?.width).toBe(before?.width);
  const alertBox = await refusal.boundingBox();
  // Below the toolbar, across the page: not beside the buttons.
  expect(alertBox!.y).toBeGreaterThan(after!.y + after!.height);
  expect(alertBox!.width).toBeGreaterThan(after!.width);
});
