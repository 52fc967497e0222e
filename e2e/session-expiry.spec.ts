/**
 * Issue 13 item 3 (and item 7's cloud link), against a second console started here: sign-in
 * mode with one-minute sessions, a cloud region (the local KMS standing in for the endpoint).
 * The page's clock is Playwright's, so minutes pass in an instant; the browser dropping the
 * lapsed cookie is what it does with an expired one.
 */
import { chooseKey } from './support/console';
import {
  startExtraConsole,
  SUITE_CONSOLE_PORT,
  SUITE_LOCAL_KMS_PORT,
  type ExtraConsole,
} from './support/extra-console';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { dumpBrowserStorage } from './support/storage';
import { KEYS, LOCAL_PROJECT_ID } from './support/keys';

const PORT = SUITE_CONSOLE_PORT + 7;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const ACCESS_TOKEN = 'e2e-session-expiry-access-token-0123';

let extra: ExtraConsole | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  extra = await startExtraConsole(PORT, {
    KMS_ENDPOINT: `http://127.0.0.1:${SUITE_LOCAL_KMS_PORT}`,
    KMS_REGION: 'cn-north-4',
    KMS_PROJECT_ID: LOCAL_PROJECT_ID,
    KMS_AUTH_TOKEN: 'local-kms-dev-token',
    CONSOLE_ACCESS_TOKEN: ACCESS_TOKEN,
    CONSOLE_SESSION_IDLE_MINUTES: '1',
  });
});

test.afterAll(() => extra?.stop());

async function signIn(page: import('@playwright/test').Page) {
  await page.getByLabel('Access token').fill(ACCESS_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('warns before the session ends, and after signing in again the form is as it was', async ({
  page,
  secrets,
}) => {
  const plainText = 'unsaved work, typed before lunch';
  secrets.push(ACCESS_TOKEN, plainText);
  await page.clock.install();
  await page.goto(`${BASE_URL}/#/encrypt`);
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Encrypt' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveAccessibleDescription(
    /keys listed/,
  );
  await chooseKey(page, KEYS.aes);
  await page.getByRole('button', { name: 'Add context pair' }).click();
  await page.getByLabel('Context key 1').fill('ticket');
  await page.getByLabel('Context value 1').fill('OPS-7');
  await page.getByLabel('Plaintext').fill(plainText);

  // A one-minute session warns half a minute before its end.
  const warning = page.getByRole('alert').filter({ hasText: 'Your session ends at' });
  await expect(warning).toHaveCount(0);
  await page.clock.fastForward(31_000);
  await expect(warning).toBeVisible();
  await expectNoAxeViolations(page, 'session expiry warning');
  // Asking again (a use of the session) moves the end: the warning goes until the new one.
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toHaveCount(0);

  // The session lapses: the browser drops the cookie, and the end comes.
  await page.context().clearCookies();
  await page.clock.fastForward(120_000);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Your session has ended')).toBeVisible();
  await expect(page.getByLabel('Plaintext')).toBeHidden();
  // Nothing typed went to storage while the page waited.
  expect(await dumpBrowserStorage(page)).not.toContain(plainText);

  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Encrypt' })).toBeVisible();
  await expect(page).toHaveURL(/#\/encrypt$/);
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveValue(KEYS.aes.id);
  await expect(page.getByLabel('Context value 1')).toHaveValue('OPS-7');
  await expect(page.getByLabel('Plaintext')).toHaveValue(plainText);
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Result' })).toBeVisible();
});

test('signing out on purpose keeps nothing of the page', async ({ page, secrets }) => {
  const plainText = 'dropped on sign-out';
  secrets.push(ACCESS_TOKEN, plainText);
  await page.goto(BASE_URL);
  await signIn(page);
  await page.getByLabel('Plaintext').fill(plainText);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Your session has ended')).toHaveCount(0);
  await signIn(page);
  await expect(page.getByLabel('Plaintext')).toHaveValue('');
});

test('a disabled key’s details link to the Huawei Cloud console of the region', async ({
  page,
  secrets,
}) => {
  secrets.push(ACCESS_TOKEN);
  await page.goto(BASE_URL);
  await signIn(page);
  const keyId = page.getByRole('combobox', { name: 'Key ID' });
  await expect(keyId).toHaveAccessibleDescription(/keys listed/);
  await keyId.fill(KEYS.disabled.id);
  await keyId.press('Escape');
  await page.getByRole('button', { name: 'Key details' }).click();
  const panel = page.getByRole('dialog', { name: 'Key details' });
  const link = panel.getByRole('link', { name: /Enable it in the Huawei Cloud console/ });
  await expect(link).toHaveAttribute(
    'href',
    'https://console.huaweicloud.com/dew/?region=cn-north-4#/kms/keyList/customKey',
  );
  await expect(link).toHaveAttribute('target', '_blank');
});
