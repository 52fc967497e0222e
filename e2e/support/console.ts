import { expect, type Page } from '@playwright/test';
import type { SeedKey } from './keys';

/** Opens the encrypt page and waits until the key list has loaded. */
export async function openEncryptPage(page: Page): Promise<void> {
  await page.goto('/#/encrypt');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveAccessibleDescription(
    /keys listed/,
  );
}

/** Picks a key from the Key ID suggestions, as a user would with the mouse. */
export async function chooseKey(page: Page, key: SeedKey): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Key ID' });
  await input.fill('');
  await input.click();
  await page.getByRole('option').filter({ hasText: key.id }).click();
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveValue(key.id);
}

export interface EncryptInput {
  key: SeedKey;
  plainText: string;
  algorithm?: string;
  context?: ReadonlyArray<readonly [string, string]>;
}

/** Fills the encrypt form (without submitting). */
export async function fillEncryptForm(page: Page, input: EncryptInput): Promise<void> {
  await chooseKey(page, input.key);
  if (input.algorithm) {
    await page.getByLabel('Encryption algorithm').selectOption(input.algorithm);
  }
  for (const [index, [key, value]] of (input.context ?? []).entries()) {
    await page.getByRole('button', { name: 'Add context pair' }).click();
    await page.getByLabel(`Context key ${index + 1}`).fill(key);
    await page.getByLabel(`Context value ${index + 1}`).fill(value);
  }
  await page.getByLabel('Plaintext').fill(input.plainText);
}

/** Encrypts through the UI and returns the ciphertext shown in the Result region. */
export async function encryptThroughUi(page: Page, input: EncryptInput): Promise<string> {
  await fillEncryptForm(page, input);
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result).toBeVisible();
  const cipherText = await result.getByRole('textbox', { name: 'Ciphertext' }).inputValue();
  expect(cipherText).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  return cipherText;
}

/** The History entry that holds a ciphertext. */
export function historyEntry(page: Page, cipherText: string) {
  return page
    .getByRole('region', { name: 'History' })
    .getByRole('listitem')
    .filter({ hasText: cipherText });
}

export async function openHistory(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
}

/** From a History entry: Decrypt, submit, Reveal, and return the revealed plaintext. */
export async function decryptFromHistory(page: Page, cipherText: string): Promise<string> {
  await openHistory(page);
  await historyEntry(page, cipherText).getByRole('button', { name: 'Decrypt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Decrypt' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Ciphertext' })).toHaveValue(cipherText);
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const result = page.getByRole('region', { name: 'Decrypted' });
  await expect(result).toBeVisible();
  await result.getByRole('button', { name: 'Reveal' }).click();
  return result.getByRole('textbox', { name: 'Plaintext' }).inputValue();
}
