/**
 * Issue 4: the whole encrypt → remember → decrypt workflow for every key type, the limits
 * that follow the key, unusable keys, KMS errors in words, and the result actions.
 */
import {
  chooseKey,
  decryptFromHistory,
  encryptThroughUi,
  historyEntry,
  openEncryptPage,
  openHistory,
} from './support/console';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { KEYS, LOCAL_PROJECT_ID, type SeedKey } from './support/keys';

const ROUND_TRIPS: ReadonlyArray<{
  key: SeedKey;
  algorithm: string;
  offered: string[];
  context?: Array<[string, string]>;
}> = [
  {
    key: KEYS.aes,
    algorithm: 'SYMMETRIC_DEFAULT',
    offered: ['SYMMETRIC_DEFAULT'],
    context: [['部门', '财务']],
  },
  {
    key: KEYS.sm4,
    algorithm: 'SYMMETRIC_DEFAULT',
    offered: ['SYMMETRIC_DEFAULT'],
    context: [['tenant', 'acme']],
  },
  {
    key: KEYS.rsa2048,
    algorithm: 'RSAES_OAEP_SHA_256',
    offered: ['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'],
  },
  {
    key: KEYS.rsa2048,
    algorithm: 'RSAES_OAEP_SHA_1',
    offered: ['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'],
  },
  { key: KEYS.sm2, algorithm: 'SM2_ENCRYPT', offered: ['SM2_ENCRYPT'] },
];

for (const { key, algorithm, offered, context } of ROUND_TRIPS) {
  test(`${key.spec} with ${algorithm}: encrypt → History → Decrypt → same text`, async ({
    page,
    secrets,
  }) => {
    const plainText = `机密 ${key.spec}/${algorithm}: naïve café ✓ 🔐`;
    secrets.push(plainText);
    await openEncryptPage(page);
    await chooseKey(page, key);

    const algorithmSelect = page.getByLabel('Encryption algorithm');
    await expect(algorithmSelect.locator('option')).toHaveText(
      offered.map((value) => new RegExp(`^${value}`)),
    );
    // The picker chose the spec's first algorithm itself.
    await expect(algorithmSelect).toHaveValue(offered[0] ?? '');
    if (!context) {
      await expect(page.getByRole('button', { name: 'Add context pair' })).toHaveCount(0);
      await expect(
        page.getByText('Asymmetric keys (RSA, SM2) take no encryption context'),
      ).toBeVisible();
    }

    const cipherText = await encryptThroughUi(page, { key, plainText, algorithm, context });
    await openHistory(page);
    const entry = historyEntry(page, cipherText);
    await expect(entry).toContainText(key.alias);
    await expect(entry).toContainText(algorithm);

    expect(await decryptFromHistory(page, cipherText)).toBe(plainText);
  });
}

test('RSA_2048 with SHA-256 refuses 191 bytes in the browser, naming the 190-byte limit', async ({
  page,
  kmsCalls,
  secrets,
}) => {
  await openEncryptPage(page);
  await chooseKey(page, KEYS.rsa2048);
  await expect(page.getByLabel('Encryption algorithm')).toHaveValue('RSAES_OAEP_SHA_256');
  const plainText = page.getByLabel('Plaintext');
  const tooLong = 'x'.repeat(191);
  secrets.push(tooLong);
  await plainText.fill(tooLong);
  await expect(page.getByText('191 / 190 bytes')).toBeVisible();
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(plainText).toHaveAttribute('aria-invalid', 'true');
  await expect(plainText).toHaveAccessibleDescription(/191 bytes.*at most 190 bytes/);
  expect(kmsCalls.count('encrypt-data')).toBe(0);

  // SHA-1 leaves more room (214 bytes): the same text now goes through.
  await page.getByLabel('Encryption algorithm').selectOption('RSAES_OAEP_SHA_1');
  await expect(page.getByText('191 / 214 bytes')).toBeVisible();
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Result' })).toBeVisible();
  expect(kmsCalls.count('encrypt-data')).toBe(1);
});

test('disabled and sign-only keys are listed, say why, and cannot be chosen', async ({
  page,
  kmsCalls,
}) => {
  await openEncryptPage(page);
  const keyId = page.getByRole('combobox', { name: 'Key ID' });
  await keyId.click();
  const disabled = page.getByRole('option').filter({ hasText: KEYS.disabled.id });
  await expect(disabled).toHaveAttribute('aria-disabled', 'true');
  await expect(disabled).toContainText('Disabled: enable it in KMS to use it.');
  const signOnly = page.getByRole('option').filter({ hasText: KEYS.ecP256.id });
  await expect(signOnly).toHaveAttribute('aria-disabled', 'true');
  await expect(signOnly).toContainText('Sign-only key');

  await expect(disabled).toBeDisabled();
  // A click that lands on it anyway (Playwright would refuse a disabled target) picks nothing.
  await disabled.click({ force: true });
  await expect(keyId).toHaveValue('');

  // Typed by hand, the disabled key is refused before anything is sent.
  await keyId.fill(KEYS.disabled.id);
  await keyId.press('Escape');
  await page.getByLabel('Plaintext').fill('nope');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(keyId).toHaveAccessibleDescription(/This key is disabled and cannot be used/);
  expect(kmsCalls.count('encrypt-data')).toBe(0);
});

test('a wrong context on decrypt shows the KMS error explained in words', async ({
  page,
  secrets,
}) => {
  secrets.push('bound to a context');
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, {
    key: KEYS.aes,
    plainText: 'bound to a context',
    context: [['order', '1001']],
  });
  await openHistory(page);
  await historyEntry(page, cipherText).getByRole('button', { name: 'Decrypt' }).click();
  await expect(page.getByLabel('Context value 1')).toHaveValue('1001');
  await page.getByLabel('Context value 1').fill('1002');
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'Decryption failed' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/KMS\.\d{4}/);
  await expect(alert).toContainText(/encryption context (differs|is not valid)/);
  await expectNoAxeViolations(page, 'decrypt with a KMS error');
  await expect(page.getByRole('region', { name: 'Decrypted' })).toHaveCount(0);
});

test('Reuse fills the encrypt form with key, algorithm and context', async ({ page, secrets }) => {
  secrets.push('reuse me');
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, {
    key: KEYS.sm4,
    plainText: 'reuse me',
    context: [['env', 'prod']],
  });
  await openHistory(page);
  await historyEntry(page, cipherText).getByRole('button', { name: 'Reuse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Encrypt' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveValue(KEYS.sm4.id);
  await expect(page.getByLabel('Encryption algorithm')).toHaveValue('SYMMETRIC_DEFAULT');
  await expect(page.getByLabel('Context key 1')).toHaveValue('env');
  await expect(page.getByLabel('Context value 1')).toHaveValue('prod');
  await expect(page.getByLabel('Plaintext')).toHaveValue('');
});

test('result actions: decrypt request, curl and hcloud without secrets, and Verify', async ({
  page,
  context,
  secrets,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const plainText = 'verify me, do not show me';
  secrets.push(plainText);
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, {
    key: KEYS.rsa2048,
    plainText,
    algorithm: 'RSAES_OAEP_SHA_1',
  });
  const result = page.getByRole('region', { name: 'Result' });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await result.getByRole('button', { name: 'Copy decrypt request' }).click();
  expect(JSON.parse(await clipboard())).toEqual({
    cipher_text: cipherText,
    key_id: KEYS.rsa2048.id,
    encryption_algorithm: 'RSAES_OAEP_SHA_1',
  });

  await result.getByRole('button', { name: 'Copy as curl' }).click();
  const curl = await clipboard();
  expect(curl).toContain(`/v1.0/${LOCAL_PROJECT_ID}/kms/decrypt-data`);
  expect(curl).toContain('${KMS_AUTH_TOKEN}');
  expect(curl).toContain(cipherText);

  await result.getByRole('button', { name: 'Copy as hcloud CLI' }).click();
  const hcloud = await clipboard();
  expect(hcloud).toMatch(/^hcloud KMS DecryptData /);
  expect(hcloud).toContain(`--key_id='${KEYS.rsa2048.id}'`);

  // The local KMS's dev credentials never appear in what the console hands out.
  for (const secret of ['local-kms-dev-token', 'LOCALKMSDEVACCESSKEY', 'localKmsDevSecretKey']) {
    expect(curl + hcloud).not.toContain(secret);
  }

  await result.getByRole('button', { name: 'Verify' }).click();
  await expect(result.getByText('Round trip verified')).toBeVisible();
  await expect(page.getByText(plainText)).toHaveCount(0);
  await expectNoAxeViolations(page, 'result after Verify');
});

test('the decrypt page asks for key and algorithm only for asymmetric ciphertext', async ({
  page,
  kmsCalls,
}) => {
  await page.goto('/#/decrypt');
  await expect(page.getByText('Required only for asymmetric ciphertext')).toBeVisible();
  const submit = page.getByRole('button', { name: 'Decrypt', exact: true });
  await submit.click();
  await expect(page.getByRole('textbox', { name: 'Ciphertext' })).toHaveAccessibleDescription(
    /Paste the ciphertext/,
  );
  await page.getByRole('textbox', { name: 'Ciphertext' }).fill('QUJD'.repeat(40));
  await page.getByLabel('Encryption algorithm').selectOption('RSAES_OAEP_SHA_256');
  await submit.click();
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveAccessibleDescription(
    /Asymmetric ciphertext carries no key ID/,
  );
  expect(kmsCalls.count('decrypt-data')).toBe(0);
});

test('bytes that are not printable text are shown as Base64', async ({ page, secrets }) => {
  const plainText = 'bell\u0007 and null-ish \u0001 bytes';
  secrets.push(plainText);
  await openEncryptPage(page);
  const cipherText = await encryptThroughUi(page, { key: KEYS.aes, plainText });
  await openHistory(page);
  await historyEntry(page, cipherText).getByRole('button', { name: 'Decrypt' }).click();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const result = page.getByRole('region', { name: 'Decrypted' });
  await expect(result.getByText('The plaintext is hidden')).toBeVisible();
  await result.getByRole('button', { name: 'Reveal' }).click();
  const base64 = result.getByRole('textbox', { name: 'Plaintext (Base64)' });
  await expect(base64).toHaveValue(Buffer.from(plainText).toString('base64'));
  await expect(result).toContainText('not printable text');
});

test('a page whose code cannot be fetched says so and leaves the rest of the console working', async ({
  page,
}) => {
  await openEncryptPage(page);
  await page.route('**/assets/DecryptPage-*.js', (route) => route.abort('internetdisconnected'));
  await page.getByRole('link', { name: 'Decrypt' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  await page.getByRole('link', { name: 'Encrypt' }).click();
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toBeVisible();
});
