/**
 * Issue 13 item 2: the Decrypt page uses what the console knows. A pasted ciphertext found in
 * the history fills key, algorithm and context; a symmetric one fills the key it names; the
 * page says where the values came from, and a failure's headline names its real cause.
 */
import { encryptThroughUi, openEncryptPage } from './support/console';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { KEYS } from './support/keys';

test('a ciphertext from the history fills key, algorithm and context, and says so', async ({
  page,
  secrets,
}) => {
  secrets.push('known to the history');
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, {
    key: KEYS.rsa2048,
    algorithm: 'RSAES_OAEP_SHA_1',
    plainText: 'known to the history',
  });
  await page.getByRole('link', { name: 'Decrypt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Decrypt' })).toBeVisible();
  // Pasted with the line breaks a terminal adds.
  await page
    .getByRole('textbox', { name: 'Ciphertext' })
    .fill(cipherText.replace(/(.{64})/g, '$1\n'));
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveValue(KEYS.rsa2048.id);
  await expect(page.getByLabel('Encryption algorithm')).toHaveValue('RSAES_OAEP_SHA_1');
  await expect(
    page.getByRole('status').filter({ hasText: 'filled in from the history' }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'decrypt filled from the history');
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const result = page.getByRole('region', { name: 'Decrypted' });
  await result.getByRole('button', { name: 'Reveal' }).click();
  await expect(result.getByRole('textbox', { name: 'Plaintext' })).toHaveValue(
    'known to the history',
  );
});

test('a symmetric ciphertext not in the history fills the key it names', async ({
  page,
  secrets,
}) => {
  secrets.push('named by its envelope');
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, {
    key: KEYS.sm4,
    plainText: 'named by its envelope',
  });
  // Another browser: an empty history.
  await page.evaluate(() => localStorage.clear());
  await page.goto('/#/decrypt');
  await page.reload();
  await page.getByRole('textbox', { name: 'Ciphertext' }).fill(cipherText);
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveValue(KEYS.sm4.id);
  await expect(
    page.getByRole('status').filter({ hasText: 'Key filled in from the ciphertext itself' }),
  ).toBeVisible();
});

test('the headline names the real cause: asymmetric without its key, missing context, not Base64', async ({
  page,
  secrets,
}) => {
  secrets.push('asymmetric, then bound');
  await openEncryptPage(page);
  const rsaCipherText = await encryptThroughUi(page, {
    key: KEYS.rsa2048,
    plainText: 'asymmetric, then bound',
  });
  await page.getByRole('button', { name: 'Encrypt another' }).click();
  const boundCipherText = await encryptThroughUi(page, {
    key: KEYS.aes,
    plainText: 'asymmetric, then bound',
    context: [['purpose', 'payroll']],
  });
  // Nothing known in this browser any more: the page must work it out from the ciphertext.
  await page.evaluate(() => localStorage.clear());
  await page.goto('/#/decrypt');
  await page.reload();

  await page.getByRole('textbox', { name: 'Ciphertext' }).fill(rsaCipherText);
  await expect(page.getByRole('status').filter({ hasText: 'names no key' })).toBeVisible();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    'this ciphertext names no key, so it is asymmetric',
  );

  await page.getByRole('textbox', { name: 'Ciphertext' }).fill(boundCipherText);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    'this ciphertext was encrypted with an encryption context',
  );

  await page.getByRole('textbox', { name: 'Ciphertext' }).fill('this is not base64 at all!');
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Ciphertext' })).toHaveAccessibleDescription(
    /not Base64/,
  );
});
