/**
 * Issue 2, the foundation slice in a real browser: encrypt, see and copy the result, find the
 * entry in History after a reload, validation before sending, KMS errors in words.
 */
import {
  chooseKey,
  encryptThroughUi,
  fillEncryptForm,
  historyEntry,
  openEncryptPage,
  openHistory,
} from './support/console';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { KEYS, UNKNOWN_KEY_ID } from './support/keys';

test('encrypts "hello world", copies the result and finds it in History after a reload', async ({
  page,
  context,
  secrets,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const plainText = 'hello world';
  secrets.push(plainText);
  await openEncryptPage(page);

  await expect(page.getByLabel('Encryption algorithm')).toHaveValue('SYMMETRIC_DEFAULT');
  await chooseKey(page, KEYS.aes);
  await page.getByLabel('Plaintext').fill(plainText);
  await expect(page.getByText('11 / 4096 bytes')).toBeVisible();
  await page.getByRole('button', { name: 'Add context pair' }).click();
  await page.getByLabel('Context key 1').fill('purpose');
  await page.getByLabel('Context value 1').fill('demo');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();

  const result = page.getByRole('region', { name: 'Result' });
  await expect(result).toBeVisible();
  const cipherText = await result.getByRole('textbox', { name: 'Ciphertext' }).inputValue();
  expect(cipherText).toMatch(/^[A-Za-z0-9+/]+=*$/);
  await expect(result.getByText(KEYS.aes.id, { exact: true })).toBeVisible();
  await expect(result.getByText('SYMMETRIC_DEFAULT', { exact: true })).toBeVisible();
  // The form gave way to the result: it is kept (hidden) for the next encryption, but its
  // plaintext field is emptied, and nothing on the page shows the plaintext.
  await expect(page.getByLabel('Plaintext')).toBeHidden();
  await expect(page.getByLabel('Plaintext')).toHaveValue('');
  await expect(page.getByText(plainText)).toHaveCount(0);
  expect(await page.evaluate((text) => document.body.innerHTML.includes(text), plainText)).toBe(
    false,
  );

  for (const [button, expected] of [
    ['Copy ciphertext', cipherText],
    ['Copy key ID', KEYS.aes.id],
    ['Copy algorithm', 'SYMMETRIC_DEFAULT'],
  ] as const) {
    await result.getByRole('button', { name: button }).click();
    await expect(result.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  }

  await page.reload();
  await openHistory(page);
  const entry = historyEntry(page, cipherText);
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(KEYS.aes.alias);
  await expect(entry).toContainText(KEYS.aes.id);
  await expect(entry).toContainText('SYMMETRIC_DEFAULT');
  await expect(entry).toContainText('purpose = demo');
  await expect(entry.getByRole('time')).toBeVisible();
});

test('validates every rule in the browser and sends nothing when input is bad', async ({
  page,
  kmsCalls,
  secrets,
}) => {
  await openEncryptPage(page);
  const encrypt = page.getByRole('button', { name: 'Encrypt', exact: true });
  const keyId = page.getByRole('combobox', { name: 'Key ID' });
  const plainText = page.getByLabel('Plaintext');

  await encrypt.click();
  await expect(keyId).toHaveAttribute('aria-invalid', 'true');
  await expect(keyId).toHaveAccessibleDescription(/Enter or choose a key ID/);
  await expect(plainText).toHaveAttribute('aria-invalid', 'true');
  await expect(plainText).toHaveAccessibleDescription(/Enter the plaintext to encrypt/);
  await expectNoAxeViolations(page, 'encrypt form with errors');

  await keyId.fill('not-a-key-id');
  await keyId.press('Escape');
  await expect(keyId).toHaveAccessibleDescription(/36 characters: 8-4-4-4-12 lowercase hex/);

  // 2048 × "é" (2 bytes each) + "a" = 4097 bytes but only 2049 characters.
  const tooLong = `${'é'.repeat(2048)}a`;
  secrets.push(tooLong);
  await chooseKey(page, KEYS.aes);
  await plainText.fill(tooLong);
  await expect(page.getByText('4097 / 4096 bytes')).toBeVisible();
  await expect(plainText).toHaveAccessibleDescription(/4097 bytes.*at most 4096 bytes/);

  await plainText.fill('fine');
  await page.getByRole('button', { name: 'Add context pair' }).click();
  await page.getByRole('button', { name: 'Add context pair' }).click();
  await page.getByLabel('Context key 1').fill('team');
  await page.getByLabel('Context key 2').fill('team');
  await encrypt.click();
  await expect(page.getByLabel('Context key 2')).toHaveAccessibleDescription(
    /already used by pair 1/,
  );
  await page.getByLabel('Context key 2').fill('');
  await expect(page.getByLabel('Context key 2')).toHaveAccessibleDescription(/cannot be empty/);
  await page.getByRole('button', { name: 'Remove context pair' }).nth(1).click();
  await expect(page.getByLabel('Context key 2')).toHaveCount(0);

  expect(kmsCalls.count('encrypt-data')).toBe(0);
  await encrypt.click();
  await expect(page.getByRole('region', { name: 'Result' })).toBeVisible();
  expect(kmsCalls.count('encrypt-data')).toBe(1);
});

test('accepts a typed key id that is not listed and explains the KMS error in words', async ({
  page,
}) => {
  await openEncryptPage(page);
  const keyId = page.getByRole('combobox', { name: 'Key ID' });
  await keyId.fill(UNKNOWN_KEY_ID);
  await keyId.press('Escape');
  await expect(keyId).toHaveAccessibleDescription(/not in the key list; it will be sent as typed/);
  // An unlisted key could be of any spec: every algorithm is offered.
  await expect(page.getByLabel('Encryption algorithm').locator('option')).toHaveCount(4);
  await page.getByLabel('Plaintext').fill('to a key that does not exist');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'Encryption failed' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('KMS.0207');
  await expect(alert).toContainText('No key with this ID exists in this project.');
});

test('copy buttons select the text for a manual copy when the Clipboard API is missing', async ({
  page,
  secrets,
}) => {
  // A console served over plain HTTP from another host has no navigator.clipboard.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  secrets.push('no clipboard here');
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, {
    key: KEYS.aes,
    plainText: 'no clipboard here',
  });
  const result = page.getByRole('region', { name: 'Result' });

  await result.getByRole('button', { name: 'Copy ciphertext' }).click();
  await expect(result.getByRole('alert')).toContainText('The text is selected');
  const selected = await page.evaluate(() => {
    const element = document.activeElement as HTMLTextAreaElement;
    return element.value.slice(element.selectionStart, element.selectionEnd);
  });
  expect(selected).toBe(cipherText);

  await result.getByRole('button', { name: 'Copy decrypt request' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy manually' });
  await expect(dialog).toBeVisible();
  const manual = dialog.getByRole('textbox', { name: 'Text to copy' });
  expect(JSON.parse(await manual.inputValue())).toEqual({ cipher_text: cipherText });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});

test('Clear history asks for confirmation, and clears for good', async ({ page, secrets }) => {
  secrets.push('soon forgotten');
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, { key: KEYS.sm4, plainText: 'soon forgotten' });
  await openHistory(page);
  await expect(historyEntry(page, cipherText)).toBeVisible();

  await page.getByRole('button', { name: 'Clear history' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear the history?' });
  await expect(dialog).toContainText('every entry (1)');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(historyEntry(page, cipherText)).toBeVisible();

  await page.getByRole('button', { name: 'Clear history' }).click();
  await dialog.getByRole('button', { name: 'Clear all entries' }).click();
  await expect(page.getByText('No encryptions yet')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No encryptions yet')).toBeVisible();
});

test('the form keeps the key, algorithm and context for the next encryption', async ({
  page,
  secrets,
}) => {
  secrets.push('first secret');
  await openEncryptPage(page);
  await fillEncryptForm(page, {
    key: KEYS.aes,
    plainText: 'first secret',
    context: [['app', 'billing']],
  });
  await page.getByLabel('Plaintext').press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Result' })).toBeVisible();
  await page.getByRole('button', { name: 'Encrypt another' }).click();
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveValue(KEYS.aes.id);
  await expect(page.getByLabel('Context key 1')).toHaveValue('app');
  await expect(page.getByLabel('Context value 1')).toHaveValue('billing');
  await expect(page.getByLabel('Plaintext')).toHaveValue('');
  await expect(page.getByLabel('Plaintext')).toBeFocused();
});

test('a slow KMS shows the button busy, and pressing again sends no second encryption', async ({
  page,
  secrets,
}) => {
  secrets.push('only once');
  await openEncryptPage(page);
  await fillEncryptForm(page, { key: KEYS.aes, plainText: 'only once' });
  // Hold the real request for a while before letting it through to the console server.
  let sent = 0;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/kms/encrypt-data', async (route) => {
    sent += 1;
    await released;
    await route.continue();
  });

  const encrypt = page.getByRole('button', { name: 'Encrypt', exact: true });
  await encrypt.click();
  await page.getByLabel('Plaintext').press('Control+Enter');
  await page.getByLabel('Plaintext').press('Control+Enter');
  // Past the 200 ms grace period the button says it is busy.
  await expect(encrypt).toHaveAttribute('data-loading', 'true');
  release();

  await expect(page.getByRole('region', { name: 'Result' })).toBeVisible();
  expect(sent).toBe(1);
  await openHistory(page);
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(1);
});

test('the first encryption of a visit goes straight from the form to the result', async ({
  page,
  secrets,
}) => {
  secrets.push('first of the visit');
  await openEncryptPage(page);
  await fillEncryptForm(page, { key: KEYS.aes, plainText: 'first of the visit' });
  // The result view's code is fetched on this press: record whether the page's loader ever
  // replaced the form while it arrived.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { loaderSeen: string[] }).loaderSeen = seen;
    new MutationObserver(() => {
      if (document.querySelector('[aria-label="Loading"]')) seen.push('loader');
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Result' })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { loaderSeen: string[] }).loaderSeen),
  ).toEqual([]);
});

test('when the result view cannot be loaded, the operator is told the ciphertext is in History', async ({
  page,
  secrets,
}) => {
  secrets.push('view will not load');
  await openEncryptPage(page);
  await page.route('**/assets/EncryptResult-*.js', (route) => route.abort('internetdisconnected'));
  await fillEncryptForm(page, { key: KEYS.aes, plainText: 'view will not load' });
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'the result view could not be loaded' }),
  ).toBeVisible();
  await openHistory(page);
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(1);
});
