/**
 * Issue 13, the operator's rough edges: stale errors (1), the key field (6), key details (7),
 * phone and projector layouts (8), busy and static states (9), Chinese error wording (10),
 * whitespace-only plaintext and `#/encrypt?key=` links (11).
 */
import { chooseKey, encryptThroughUi, fillEncryptForm, openEncryptPage } from './support/console';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { KEYS, UNKNOWN_KEY_ID } from './support/keys';

const keyField = (page: import('@playwright/test').Page) =>
  page.getByRole('combobox', { name: 'Key ID' });

test.describe('1. a request’s error clears when its inputs change', () => {
  test('KMS.0207 for an unknown key goes away once another key is typed', async ({
    page,
    secrets,
  }) => {
    secrets.push('to an unknown key');
    await openEncryptPage(page);
    await keyField(page).fill(UNKNOWN_KEY_ID);
    await page.getByLabel('Plaintext').fill('to an unknown key');
    await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'Encryption failed' });
    await expect(failure).toContainText('KMS.0207');

    await keyField(page).fill('not-a-key');
    await expect(failure).toHaveCount(0);
    // The field's own error is the only one left.
    await expect(keyField(page)).toHaveAccessibleDescription(/36 characters/);
  });

  test('a decrypt error goes away when the context is edited', async ({ page, secrets }) => {
    secrets.push('context matters');
    await openEncryptPage(page);
    const cipherText = await encryptThroughUi(page, {
      key: KEYS.aes,
      plainText: 'context matters',
      context: [['team', 'blue']],
    });
    await page.goto('/#/decrypt');
    await page.getByLabel('Ciphertext').fill(cipherText);
    // Found in the history, the context is filled in: change it to a wrong one.
    await expect(page.getByLabel('Context value 1')).toHaveValue('blue');
    await page.getByLabel('Context value 1').fill('red');
    await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'Decryption failed' });
    await expect(failure).toBeVisible();
    await page.getByLabel('Context value 1').fill('blue');
    await expect(failure).toHaveCount(0);
  });
});

test.describe('6. the key field', () => {
  test('an alias typed in full is chosen on leaving the field, and shown with its spec', async ({
    page,
  }) => {
    await openEncryptPage(page);
    await keyField(page).fill('E2E/RSA-2048');
    await page.getByLabel('Plaintext').focus();
    await expect(keyField(page)).toHaveValue(KEYS.rsa2048.id);
    await expect(keyField(page)).toHaveAccessibleDescription(/^e2e\/rsa-2048 · RSA_2048 · Enabled/);
    await expect(page.getByLabel('Encryption algorithm')).toHaveValue('RSAES_OAEP_SHA_256');
  });

  test('an upper-case key id is lower-cased', async ({ page }) => {
    await openEncryptPage(page);
    await keyField(page).fill(KEYS.sm4.id.toUpperCase());
    await expect(keyField(page)).toHaveValue(KEYS.sm4.id);
    await expect(keyField(page)).toHaveAccessibleDescription(/^e2e\/sm4 · SM4/);
  });

  test('a sign-only key offers no algorithm', async ({ page }) => {
    await openEncryptPage(page);
    await keyField(page).fill(KEYS.ecP256.id);
    const algorithm = page.getByLabel('Encryption algorithm');
    await expect(algorithm).toBeDisabled();
    await expect(algorithm.getByRole('option')).toHaveText(['None: this key only signs']);
  });

  test('the spec reads "AES_256 keys", never "a AES_256 key"', async ({ page }) => {
    await openEncryptPage(page);
    await chooseKey(page, KEYS.aes);
    const algorithm = page.getByLabel('Encryption algorithm');
    await expect(algorithm).toHaveAccessibleDescription('The algorithms for AES_256 keys.');
    await expect(page.getByText(/\ba AES_256\b/)).toHaveCount(0);
  });

  test('the last key used in this browser is preselected, and only its id is kept', async ({
    page,
    secrets,
  }) => {
    secrets.push('remember the key');
    await openEncryptPage(page);
    await encryptThroughUi(page, { key: KEYS.sm4, plainText: 'remember the key' });
    await page.reload();
    await expect(keyField(page)).toHaveValue(KEYS.sm4.id);
    await expect(keyField(page)).toHaveAccessibleDescription(/^e2e\/sm4 · SM4/);
    const stored = await page.evaluate(() => localStorage.getItem('kms-console.last-key'));
    expect(stored).toBe(KEYS.sm4.id);
  });
});

test.describe('7. key details', () => {
  test('from the picker and from the result, a panel says what describe-key says', async ({
    page,
    secrets,
  }) => {
    secrets.push('details please');
    await openEncryptPage(page);
    // A disabled key cannot be picked from the list, but can be typed.
    await keyField(page).fill(KEYS.disabled.id);
    await keyField(page).press('Escape');
    await page.getByRole('button', { name: 'Key details' }).click();
    const panel = page.getByRole('dialog', { name: 'Key details' });
    await expect(panel.getByRole('heading', { name: 'Key details' })).toBeVisible();
    for (const term of ['Alias', 'Spec', 'Usage', 'State', 'Origin', 'Created', 'Rotation']) {
      await expect(panel.getByRole('term').filter({ hasText: term })).toBeVisible();
    }
    await expect(
      panel.getByRole('definition').filter({ hasText: KEYS.disabled.alias }),
    ).toBeVisible();
    await expect(panel.getByRole('definition').filter({ hasText: /^Disabled$/ })).toBeVisible();
    await expect(
      panel.getByRole('definition').filter({ hasText: 'ENCRYPT_DECRYPT' }),
    ).toBeVisible();
    // The local KMS has no web console to link to.
    await expect(panel.getByRole('link')).toHaveCount(0);
    await expect(panel).toContainText('enable-key');
    await expectNoAxeViolations(page, 'key details panel');
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);

    await encryptThroughUi(page, { key: KEYS.aes, plainText: 'details please' });
    const result = page.getByRole('region', { name: 'Result' });
    await result.getByRole('button', { name: 'Key details' }).click();
    const fromResult = page.getByRole('dialog', { name: 'Key details' });
    await expect(fromResult.getByRole('definition').filter({ hasText: KEYS.aes.id })).toBeVisible();
    await expect(fromResult.getByRole('definition').filter({ hasText: /^AES_256$/ })).toBeVisible();
  });
});

test.describe('8. phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

  test('no select is cut off, key ids stay whole, copy buttons line up', async ({
    page,
    secrets,
  }) => {
    secrets.push('on a phone');
    await openEncryptPage(page);
    await chooseKey(page, KEYS.rsa4096);
    const algorithm = page.getByLabel('Encryption algorithm');
    const box = await algorithm.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);

    // In the open key list, every key id is on one line.
    await keyField(page).fill('');
    await keyField(page).click();
    const option = page.getByRole('option').filter({ hasText: KEYS.aes.id });
    await expect(option).toBeVisible();
    expect(await lineCount(option.getByText(KEYS.aes.id))).toBe(1);
    await keyField(page).press('Escape');

    await chooseKey(page, KEYS.aes);
    await page.getByLabel('Plaintext').fill('on a phone');
    await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await expect(result.getByRole('button', { name: 'Copy as hcloud CLI' })).toBeVisible();
    expect(await lineCount(result.getByText(KEYS.aes.id, { exact: true }))).toBe(1);
    const grid = [
      'Copy key ID',
      'Copy algorithm',
      'Copy decrypt request',
      'Copy as curl',
      'Copy as hcloud CLI',
    ];
    const boxes = await Promise.all(
      grid.map((name) => result.getByRole('button', { name }).boundingBox()),
    );
    const lefts = new Set(boxes.map((button) => Math.round(button!.x)));
    const widths = new Set(boxes.map((button) => Math.round(button!.width)));
    // One column of equal buttons on a phone.
    expect([...lefts]).toHaveLength(1);
    expect([...widths]).toHaveLength(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(
      true,
    );

    // The history card names the key whole too.
    await page.getByRole('link', { name: 'History' }).click();
    const cardKeyId = page.getByRole('listitem').getByText(KEYS.aes.id, { exact: true }).first();
    await expect(cardKeyId).toBeVisible();
    expect(await lineCount(cardKeyId)).toBe(1);
  });
});

/** How many lines an element's text takes on screen. */
async function lineCount(locator: import('@playwright/test').Locator): Promise<number> {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
    return tops.size;
  });
}

test.describe('8. projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  for (const key of [KEYS.aes, KEYS.rsa4096]) {
    test(`after an encryption with ${key.spec}, the ciphertext, its copy button and Verify are above the fold`, async ({
      page,
      secrets,
    }) => {
      secrets.push('on the big screen');
      await openEncryptPage(page);
      await encryptThroughUi(page, { key, plainText: 'on the big screen' });
      const result = page.getByRole('region', { name: 'Result' });
      for (const target of [
        result.getByRole('textbox', { name: 'Ciphertext' }),
        result.getByRole('button', { name: 'Copy ciphertext' }),
        result.getByRole('button', { name: 'Verify' }),
      ]) {
        await expect(target).toBeVisible();
        const box = await target.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height).toBeLessThanOrEqual(720);
      }
    });
  }
});

test.describe('9. busy and static states', () => {
  test('the busy Encrypt button keeps its text', async ({ page, secrets }) => {
    secrets.push('slow answer');
    await openEncryptPage(page);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/kms/encrypt-data', async (route) => {
      await released;
      await route.continue();
    });
    await fillEncryptForm(page, { key: KEYS.aes, plainText: 'slow answer' });
    const button = page.getByRole('button', { name: 'Encrypt', exact: true });
    await button.click();
    await expect(button).toHaveAttribute('data-loading', 'true');
    await expect(button).toHaveAttribute('aria-busy', 'true');
    const label = button.getByText('Encrypt', { exact: true });
    await expect(label).toBeVisible();
    await expect(label).toHaveCSS('opacity', '1');
    release();
    await expect(page.getByRole('region', { name: 'Result' })).toBeVisible();
  });

  test('the Decrypt page’s standing hint is a note, not an alert', async ({ page }) => {
    await page.goto('/#/decrypt');
    await expect(page.getByRole('heading', { level: 1, name: 'Decrypt' })).toBeVisible();
    await expect(page.getByRole('note').filter({ hasText: 'Key ID and algorithm' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('10. Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('a known KMS error is explained in Chinese, the KMS’s English only as a detail', async ({
    page,
    secrets,
  }) => {
    secrets.push('未知密钥');
    await page.goto('/');
    const key = page.getByRole('combobox', { name: '密钥 ID' });
    await expect(key).toHaveAccessibleDescription(/个密钥/);
    await key.fill(UNKNOWN_KEY_ID);
    await page.getByLabel('明文').fill('未知密钥');
    await page.getByRole('button', { name: '加密', exact: true }).click();
    const failure = page.getByRole('alert').filter({ hasText: '加密失败' });
    await expect(failure).toContainText('KMS.0207');
    const explanation = failure.getByText('本项目中不存在该 ID 的密钥。');
    await expect(explanation).toBeVisible();
    const detail = failure.getByText(/^来自 KMS：/);
    await expect(detail).toBeVisible();
    // The explanation comes first; the KMS's own words follow, marked as English.
    const [explained, detailed] = await Promise.all([
      explanation.boundingBox(),
      detail.boundingBox(),
    ]);
    expect(explained!.y).toBeLessThan(detailed!.y);
    await expect(detail.locator('[lang="en"]')).toHaveCount(1);
  });
});

test.describe('11. whitespace and links', () => {
  test('a whitespace-only plaintext asks before it is encrypted', async ({ page, kmsCalls }) => {
    await openEncryptPage(page);
    await fillEncryptForm(page, { key: KEYS.aes, plainText: '   \n\t ' });
    await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'only whitespace' });
    await expect(warning).toBeVisible();
    expect(kmsCalls.count('encrypt-data')).toBe(0);
    await expectNoAxeViolations(page, 'whitespace warning');

    await warning.getByRole('button', { name: 'Edit the plaintext' }).click();
    await expect(warning).toHaveCount(0);
    await expect(page.getByLabel('Plaintext')).toBeFocused();
    expect(kmsCalls.count('encrypt-data')).toBe(0);

    await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
    await page.getByRole('button', { name: 'Encrypt anyway' }).click();
    await expect(page.getByRole('region', { name: 'Result' })).toBeVisible();
    expect(kmsCalls.count('encrypt-data')).toBe(1);
  });

  test('#/encrypt?key= preselects a key and algorithm, and takes no plaintext', async ({
    page,
  }) => {
    await page.goto(
      `/#/encrypt?key=${KEYS.rsa2048.id}&algorithm=RSAES_OAEP_SHA_1&plain_text=leaked&plainText=leaked`,
    );
    await expect(keyField(page)).toHaveValue(KEYS.rsa2048.id);
    await expect(keyField(page)).toHaveAccessibleDescription(/^e2e\/rsa-2048/);
    await expect(page.getByLabel('Encryption algorithm')).toHaveValue('RSAES_OAEP_SHA_1');
    await expect(page.getByLabel('Plaintext')).toHaveValue('');
    await expect(page.getByRole('heading', { level: 1, name: 'Encrypt' })).toBeVisible();
  });
});
