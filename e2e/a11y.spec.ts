/**
 * Issue 4 item 8: axe-core finds nothing on encrypt, result, decrypt and history views, in
 * light and dark, English and Chinese; every flow works from the keyboard with visible focus;
 * the console is usable at 375 px. The English light run also saves the README screenshots.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chooseKey, historyEntry, openHistory } from './support/console';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { KEYS } from './support/keys';

const COMBINATIONS = [
  { locale: 'en-US', colorScheme: 'light', screenshots: true, readmeShot: undefined },
  { locale: 'en-US', colorScheme: 'dark', screenshots: false, readmeShot: undefined },
  { locale: 'zh-CN', colorScheme: 'light', screenshots: false, readmeShot: undefined },
  // The README shows the Chinese dark view too (issue 13).
  { locale: 'zh-CN', colorScheme: 'dark', screenshots: false, readmeShot: 'zh-dark' },
] as const;

/** Names in the language of the run: the axe walk clicks through the same flow in both. */
const NAMES = {
  'en-US': {
    encrypt: 'Encrypt',
    loading: 'Loading',
    result: 'Result',
    history: 'History',
    audit: 'Audit',
    decrypt: 'Decrypt',
    decrypted: 'Decrypted',
    reveal: 'Reveal',
    keyId: 'Key ID',
    plainText: 'Plaintext',
    addContext: 'Add context pair',
    contextKey: 'Context key 1',
    contextValue: 'Context value 1',
  },
  'zh-CN': {
    encrypt: '加密',
    loading: '正在加载',
    result: '结果',
    history: '历史记录',
    audit: '审计',
    decrypt: '解密',
    decrypted: '已解密',
    reveal: '显示',
    keyId: '密钥 ID',
    plainText: '明文',
    addContext: '添加上下文键值对',
    contextKey: '上下文键 1',
    contextValue: '上下文值 1',
  },
} as const;

async function screenshot(page: Page, name: string, enabled: boolean) {
  if (!enabled) return;
  const file = path.join(test.info().project.testDir, '..', 'docs', 'screenshots', `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
}

for (const { locale, colorScheme, screenshots, readmeShot } of COMBINATIONS) {
  test.describe(`${locale}, ${colorScheme} theme`, () => {
    test.use({ locale, colorScheme, viewport: { width: 1100, height: 860 } });

    test('every page’s loading state has its heading and a status, and no violation', async ({
      page,
    }) => {
      test.slow();
      const names = NAMES[locale];
      // The session check first (the whole app waits for it), then each page's own chunk.
      const held: Array<() => void> = [];
      const hold = (pattern: string) =>
        page.route(pattern, async (route) => {
          await new Promise<void>((resolve) => held.push(resolve));
          await route.continue().catch(() => undefined);
        });
      await hold('**/api/session');
      await page.goto('/#/encrypt');
      const status = page.getByRole('status', { name: names.loading });
      await expect(status).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: names.encrypt })).toBeVisible();
      await expectNoAxeViolations(page, `${locale}/${colorScheme} loading the session`);
      await page.unroute('**/api/session');
      held.splice(0).forEach((release) => release());

      for (const [route, chunk, title] of [
        ['encrypt', 'EncryptPage', names.encrypt],
        ['decrypt', 'DecryptPage', names.decrypt],
        ['history', 'HistoryPage', names.history],
        ['audit', 'AuditPage', names.audit],
      ] as const) {
        await hold(`**/assets/${chunk}-*.js`);
        await page.goto(`/#/${route}`);
        await page.reload();
        await expect(status).toBeVisible();
        await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
        await expectNoAxeViolations(page, `${locale}/${colorScheme} loading ${route}`);
        await page.unroute(`**/assets/${chunk}-*.js`);
        held.splice(0).forEach((release) => release());
      }
    });

    test('axe finds no violations on encrypt, result, history and decrypt', async ({
      page,
      secrets,
    }) => {
      // Four full axe scans on a shared two-core machine: give the walk room.
      test.slow();
      const names = NAMES[locale];
      const plainText = locale === 'zh-CN' ? '你好，世界' : 'hello world';
      secrets.push(plainText);
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
      await expect(page.getByRole('heading', { level: 1, name: names.encrypt })).toBeVisible();
      const keyId = page.getByRole('combobox', { name: names.keyId });
      // One scan covers the validation messages and the open key list (disabled options).
      await page.getByRole('button', { name: names.encrypt, exact: true }).click();
      await expect(keyId).toHaveAttribute('aria-invalid', 'true');
      await keyId.click();
      await expect(page.getByRole('option').first()).toBeVisible();
      await expectNoAxeViolations(page, `${locale}/${colorScheme} encrypt errors and key list`);
      await page.getByRole('option').filter({ hasText: KEYS.aes.id }).click();
      await page.getByRole('button', { name: names.addContext }).click();
      await page.getByLabel(names.contextKey).fill('department');
      await page.getByLabel(names.contextValue).fill('finance');
      await page.getByLabel(names.plainText).fill(plainText);
      await screenshot(page, 'encrypt', screenshots);
      if (readmeShot) await screenshot(page, readmeShot, true);

      await page.getByRole('button', { name: names.encrypt, exact: true }).click();
      const result = page.getByRole('region', { name: names.result });
      await expect(result).toBeVisible();
      const cipherText = await result.getByRole('textbox').first().inputValue();
      await expectNoAxeViolations(page, `${locale}/${colorScheme} result`);
      await screenshot(page, 'result', screenshots);

      await page.getByRole('link', { name: names.history }).click();
      const history = page.getByRole('region', { name: names.history });
      await expect(history.getByRole('listitem').filter({ hasText: cipherText })).toBeVisible();
      await expectNoAxeViolations(page, `${locale}/${colorScheme} history`);
      await screenshot(page, 'history', screenshots);

      await history
        .getByRole('listitem')
        .filter({ hasText: cipherText })
        .getByRole('button', { name: names.decrypt })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: names.decrypt })).toBeVisible();
      await page.getByRole('button', { name: names.decrypt, exact: true }).click();
      const decrypted = page.getByRole('region', { name: names.decrypted });
      await decrypted.getByRole('button', { name: names.reveal }).click();
      await expect(decrypted.getByRole('textbox')).toHaveValue(plainText);
      // The decrypt view: its form and the revealed result.
      await expectNoAxeViolations(page, `${locale}/${colorScheme} decrypt`);
      await screenshot(page, 'decrypt', screenshots);

      // The team's audit trail, with this run's events in it.
      await page.getByRole('link', { name: names.audit }).click();
      await expect(page.getByRole('heading', { level: 1, name: names.audit })).toBeVisible();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      await expectNoAxeViolations(page, `${locale}/${colorScheme} audit`);
    });
  });
}

/** Presses Tab until the focused element's accessible name matches (or fails after a while). */
async function tabTo(page: Page, name: RegExp, maxTabs = 40): Promise<void> {
  for (let i = 0; i < maxTabs; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const labelledBy = element.getAttribute('aria-labelledby');
      const label =
        element.getAttribute('aria-label') ??
        (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
        ((element as HTMLInputElement).labels?.[0]?.textContent || element.textContent);
      return (label ?? '').trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached an element named ${name}`);
}

async function expectVisibleFocus(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: style.outlineWidth };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).not.toBe('0px');
}

test('the whole workflow works from the keyboard alone, with visible focus', async ({
  page,
  secrets,
}) => {
  const plainText = 'typed, never clicked';
  secrets.push(plainText);
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveAccessibleDescription(
    /keys listed/,
  );

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  // The Text / File switch (issue 11) is the first stop: one stop for the group, on its choice.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Text' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Text' })).toBeChecked();
  await page.keyboard.press('Tab');
  const keyId = page.getByRole('combobox', { name: 'Key ID' });
  await expect(keyId).toBeFocused();
  await page.keyboard.type('rsa-2048');
  await page.keyboard.press('ArrowDown');
  await expect(keyId).toHaveAttribute('aria-activedescendant', /option/);
  await page.keyboard.press('Enter');
  await expect(keyId).toHaveValue(KEYS.rsa2048.id);

  // The chosen key's details button (issue 13) comes next, then the algorithm.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Key details' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Encryption algorithm')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Plaintext')).toBeFocused();
  await page.keyboard.type(plainText);
  await tabTo(page, /^Encrypt$/);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');

  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('heading', { name: 'Result' })).toBeFocused();
  const cipherText = await result.getByRole('textbox', { name: 'Ciphertext' }).inputValue();
  await tabTo(page, /^Verify$/);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(result.getByText('Round trip verified')).toBeVisible();

  // Up to the navigation and over to History.
  for (let i = 0; i < 40; i += 1) {
    if (
      await page
        .getByRole('link', { name: 'History' })
        .evaluate((e) => e === document.activeElement)
    )
      break;
    await page.keyboard.press('Shift+Tab');
  }
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeFocused();
  const entry = historyEntry(page, cipherText);
  await expect(entry).toBeVisible();
  await tabTo(page, /^Decrypt$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Decrypt' })).toBeFocused();
  await tabTo(page, /^Decrypt$/);
  await page.keyboard.press('Enter');
  const decrypted = page.getByRole('region', { name: 'Decrypted' });
  await expect(decrypted.getByRole('heading', { name: 'Decrypted' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(decrypted.getByRole('button', { name: 'Reveal' })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(decrypted.getByRole('textbox', { name: 'Plaintext' })).toHaveValue(plainText);
});

test.describe('at 375 px wide', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

  test('every page fits and the workflow completes', async ({ page, secrets }) => {
    const fits = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    const plainText = 'small screens too';
    secrets.push(plainText);
    await page.goto('/');
    await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveAccessibleDescription(
      /keys listed/,
    );
    await chooseKey(page, KEYS.aes);
    await page.getByRole('button', { name: 'Add context pair' }).click();
    await page.getByLabel('Context key 1').fill('device');
    await page.getByLabel('Context value 1').fill('phone');
    expect(await fits()).toBe(true);
    await page.getByLabel('Plaintext').fill(plainText);
    await screenshot(page, 'phone', true);
    await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
    const cipherText = await page
      .getByRole('region', { name: 'Result' })
      .getByRole('textbox', { name: 'Ciphertext' })
      .inputValue();
    expect(await fits()).toBe(true);
    await openHistory(page);
    expect(await fits()).toBe(true);
    await historyEntry(page, cipherText).getByRole('button', { name: 'Decrypt' }).click();
    await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByRole('textbox', { name: 'Plaintext' })).toHaveValue(plainText);
    expect(await fits()).toBe(true);
    await expectNoAxeViolations(page, '375 px decrypt result');
  });
});
