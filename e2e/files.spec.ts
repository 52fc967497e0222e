/**
 * Issue 11 in a real browser: files beyond 4 KB as envelopes. A 5 MiB file encrypted and
 * decrypted in the browser, and through the command line both ways; a changed, a truncated
 * and a foreign file each refused in their own words; a long text as an armored envelope;
 * and neither the plaintext nor the data key anywhere in the browser's storage afterwards.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { chooseKey, openEncryptPage } from './support/console';
import { dumpBrowserStorage } from './support/storage';
import { expect, test } from './support/fixtures';
import { KEYS } from './support/keys';

const run = promisify(execFile);
const LOCAL_KMS_PORT = process.env.E2E_LOCAL_KMS_PORT ?? '18090';
const MiB = 1024 * 1024;

// Headless Chromium has the File System Access API, but no one to answer its save dialog: the
// tests take the Blob path and its download, as browsers without the API do.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
});

/** The data keys KMS handed to the page, to prove none of them is stored afterwards. */
function watchDataKeys(page: Page, secrets: string[]): void {
  page.on('response', async (response) => {
    if (!/\/api\/kms\/(create|decrypt)-datakey$/.test(response.url()) || !response.ok()) return;
    const body = (await response.json()) as { plain_text?: string; data_key?: string };
    const dataKey = body.plain_text ?? body.data_key;
    if (dataKey) secrets.push(dataKey.toLowerCase(), dataKey.toUpperCase());
  });
}

async function chooseFileMode(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'File' }).check();
}

/** Encrypts a file on the Encrypt page; returns where its download was saved. */
async function encryptInBrowser(page: Page, file: string, out: string): Promise<string> {
  await openEncryptPage(page);
  await chooseFileMode(page);
  await page.getByLabel('File to encrypt').setInputFiles(file);
  await chooseKey(page, KEYS.aes);
  await page.getByRole('button', { name: 'Encrypt file' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download encrypted file' }).click();
  expect((await download).suggestedFilename()).toBe(`${path.basename(file)}.kmsenc`);
  await (await download).saveAs(out);
  return out;
}

/** Decrypts a file on the Decrypt page; returns where its download was saved. */
async function decryptInBrowser(page: Page, file: string, out: string): Promise<string> {
  await page.goto('/#/decrypt');
  await chooseFileMode(page);
  await page.getByLabel('Encrypted file').setInputFiles(file);
  await page.getByRole('button', { name: 'Decrypt file' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download decrypted file' }).click();
  await (await download).saveAs(out);
  return out;
}

/** `npm run envelope -- …` against the suite's local KMS. */
async function envelopeCli(args: string[]): Promise<string> {
  const { stdout } = await run(
    path.resolve('node_modules/.bin/tsx'),
    ['src/cli/envelope.ts', ...args],
    { env: { PATH: process.env.PATH ?? '', LOCAL_KMS_PORT } },
  );
  return stdout;
}

test('in File mode, symmetric keys are choosable and the others are listed with the reason', async ({
  page,
}) => {
  await openEncryptPage(page);
  await chooseFileMode(page);
  const keyId = page.getByRole('combobox', { name: 'Key ID' });
  await keyId.click();
  const rsa = page.getByRole('option').filter({ hasText: KEYS.rsa2048.id });
  await expect(rsa).toHaveAttribute('aria-disabled', 'true');
  await expect(rsa).toContainText('files need a symmetric key');
  await expect(page.getByRole('option').filter({ hasText: KEYS.aes.id })).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );
  // In Text mode the same key encrypts, so it is choosable there.
  await keyId.press('Escape');
  await page.getByRole('radio', { name: 'Text' }).check();
  await chooseKey(page, KEYS.rsa2048);
});

test('a 5 MiB file: encrypted, downloaded and decrypted in the browser, recorded without secrets', async ({
  page,
  secrets,
}, testInfo) => {
  test.setTimeout(90_000);
  watchDataKeys(page, secrets);
  const plaintext = randomBytes(5 * MiB);
  secrets.push(
    plaintext.subarray(0, 48).toString('hex'),
    plaintext.subarray(0, 48).toString('base64'),
  );
  const file = testInfo.outputPath('random-5mib.bin');
  await writeFile(file, plaintext);

  // The data key is a moment late, so the progress bar is seen before the file is done.
  await page.route('**/api/kms/create-datakey', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await openEncryptPage(page);
  await chooseFileMode(page);
  await page.getByLabel('File to encrypt').setInputFiles(file);
  await chooseKey(page, KEYS.aes);
  await page.getByRole('button', { name: 'Add context pair' }).click();
  await page.getByLabel('Context key 1').fill('purpose');
  await page.getByLabel('Context value 1').fill('e2e-files');
  await page.getByRole('button', { name: 'Encrypt file' }).click();
  await expect(page.getByRole('progressbar', { name: 'Encryption progress' })).toBeVisible();
  await expect(page.getByText(/MiB\/s/)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download encrypted file' }).click();
  expect((await download).suggestedFilename()).toBe('random-5mib.bin.kmsenc');
  const encrypted = testInfo.outputPath('random-5mib.bin.kmsenc');
  await (await download).saveAs(encrypted);
  const fingerprint = await page.getByText(/^[0-9a-f]{64}$/).textContent();
  const envelope = await readFile(encrypted);
  expect(envelope.length).toBeGreaterThan(plaintext.length);
  expect(envelope.includes(plaintext.subarray(MiB, MiB + 1024))).toBe(false);

  const decrypted = await decryptInBrowser(page, encrypted, testInfo.outputPath('back.bin'));
  expect(Buffer.compare(await readFile(decrypted), plaintext)).toBe(0);

  // The history remembers the file by name, size and fingerprint: nothing more.
  const storage = await dumpBrowserStorage(page);
  expect(storage).toContain('random-5mib.bin');
  expect(storage).toContain(fingerprint ?? 'no fingerprint shown');
  expect(secrets.length).toBeGreaterThanOrEqual(4); // both data keys were seen
});

test('a file crosses between the command line and the browser, both ways', async ({
  page,
  secrets,
}, testInfo) => {
  test.setTimeout(90_000);
  watchDataKeys(page, secrets);
  const plaintext = randomBytes(5 * MiB + 17);
  const file = testInfo.outputPath('cross.bin');
  await writeFile(file, plaintext);

  // Command line → browser.
  const byCli = testInfo.outputPath('by-cli.kmsenc');
  const cliOut = await envelopeCli([
    'encrypt',
    '--key',
    KEYS.aes.alias,
    '--in',
    file,
    '--out',
    byCli,
  ]);
  expect(cliOut).toContain(KEYS.aes.id);
  const fromCli = await decryptInBrowser(page, byCli, testInfo.outputPath('from-cli.bin'));
  expect(Buffer.compare(await readFile(fromCli), plaintext)).toBe(0);

  // Browser → command line.
  const byBrowser = await encryptInBrowser(page, file, testInfo.outputPath('cross.bin.kmsenc'));
  const back = testInfo.outputPath('from-browser.bin');
  await envelopeCli(['decrypt', '--in', byBrowser, '--out', back]);
  expect(Buffer.compare(await readFile(back), plaintext)).toBe(0);
});

test('a changed, a truncated and a non-envelope file are each refused in their words', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const file = testInfo.outputPath('original.bin');
  await writeFile(file, randomBytes(3 * MiB));
  const envelope = await readFile(
    await encryptInBrowser(page, file, testInfo.outputPath('original.bin.kmsenc')),
  );
  const flipped = Buffer.from(envelope);
  flipped[2 * MiB] = (flipped[2 * MiB] ?? 0) ^ 0x01;
  const cases = [
    ['flipped.bin.kmsenc', flipped, 'The file was changed after it was encrypted'],
    ['short.bin.kmsenc', envelope.subarray(0, envelope.length - 64), 'The file is truncated'],
    ['foreign.bin.kmsenc', randomBytes(100_000).fill(0x25, 0, 1), 'This is not an envelope file'],
  ] as const;

  await page.goto('/#/decrypt');
  await chooseFileMode(page);
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  for (const [name, bytes, words] of cases) {
    const damaged = testInfo.outputPath(name);
    await writeFile(damaged, bytes);
    await page.getByLabel('Encrypted file').setInputFiles(damaged);
    await page.getByRole('button', { name: 'Decrypt file' }).click();
    await expect(page.getByRole('alert').filter({ hasText: words })).toBeVisible();
    // No partial plaintext is offered, in any form.
    await expect(page.getByRole('button', { name: 'Download decrypted file' })).toHaveCount(0);
  }
  expect(downloads).toBe(0);
});

test('a text over 4096 bytes becomes an armored envelope that decrypts to the same text', async ({
  page,
  context,
  secrets,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  watchDataKeys(page, secrets);
  const longText = `${'Long secret line — 長い秘密 🔐\n'.repeat(200)}end`;
  secrets.push(longText.slice(0, 60));
  await openEncryptPage(page);
  await chooseKey(page, KEYS.aes);
  await page.getByLabel('Plaintext').fill(longText);
  await page.getByRole('button', { name: 'Encrypt as envelope' }).click();

  const result = page.getByRole('region', { name: 'Envelope' });
  const armored = await result.getByRole('textbox', { name: 'Envelope' }).inputValue();
  expect(armored).toMatch(
    /^-----BEGIN KMS ENVELOPE-----\n[A-Za-z0-9+/=\n]+-----END KMS ENVELOPE-----\n$/,
  );
  await result.getByRole('button', { name: 'Copy envelope' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(armored);

  await page.goto('/#/decrypt');
  await page.getByRole('textbox', { name: 'Ciphertext' }).fill(armored);
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const decrypted = page.getByRole('region', { name: 'Decrypted text' });
  await expect(decrypted.getByRole('textbox', { name: 'Decrypted text' })).toHaveValue(longText);
});
