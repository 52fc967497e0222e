/**
 * Issue 4 item 7: English and 简体中文 for every string (validation messages and KMS error
 * explanations included), a remembered switcher, and a default that follows the browser.
 */
import { expect, test } from './support/fixtures';
import { KEYS, UNKNOWN_KEY_ID } from './support/keys';

test.describe('a browser that prefers Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('opens in Chinese', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '加密' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('combobox', { name: '密钥 ID' })).toBeVisible();
    await expect(page.getByRole('link', { name: '历史记录' })).toBeVisible();
  });
});

test('the language switch is remembered, and covers validation and KMS errors', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Encrypt' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch language to 简体中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '加密' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '加密' })).toBeVisible();

  // Validation messages come in Chinese…
  await page.getByRole('button', { name: '加密', exact: true }).click();
  await expect(page.getByRole('combobox', { name: '密钥 ID' })).toHaveAccessibleDescription(
    /请输入或选择密钥 ID/,
  );
  await expect(page.getByLabel('明文')).toHaveAccessibleDescription(/请输入要加密的明文/);

  // …and so does the explanation of a KMS error.
  const keyId = page.getByRole('combobox', { name: '密钥 ID' });
  await keyId.fill(UNKNOWN_KEY_ID);
  await keyId.press('Escape');
  await page.getByLabel('明文').fill('你好');
  await page.getByRole('button', { name: '加密', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: '加密失败' });
  await expect(alert).toContainText('KMS.0207');
  await expect(alert).toContainText('本项目中不存在该 ID 的密钥。');

  await page.getByRole('button', { name: '将语言切换为 English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Encrypt' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Encryption failed' })).toContainText(
    'No key with this ID exists in this project.',
  );
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Encrypt' })).toBeVisible();
});

test('the key picker explains unusable keys in Chinese', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Switch language to 简体中文' }).click();
  await page.getByRole('combobox', { name: '密钥 ID' }).click();
  const disabled = page.getByRole('option').filter({ hasText: KEYS.disabled.id });
  await expect(disabled).toContainText('已禁用：请先在 KMS 中启用。');
});
