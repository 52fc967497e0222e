/**
 * Issue 5's browser parts, against a second console started here: access control (sign-in
 * page, sign-out) and operator token mode (the operator's own IAM token, sent as
 * X-Auth-Token, kept in memory or this tab's sessionStorage only).
 */
import { encryptThroughUi } from './support/console';
import {
  startExtraConsole,
  SUITE_CONSOLE_PORT,
  SUITE_LOCAL_KMS_PORT,
  type ExtraConsole,
} from './support/extra-console';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { dumpBrowserStorage } from './support/storage';
import { KEYS, LOCAL_PROJECT_ID } from './support/keys';

const PORT = SUITE_CONSOLE_PORT + 3;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const ACCESS_TOKEN = 'e2e-console-access-token-0123456789';
/** The local KMS's documented dev token, playing the operator's IAM token. */
const IAM_TOKEN = 'local-kms-dev-token';

let extra: ExtraConsole | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  extra = await startExtraConsole(PORT, {
    KMS_ENDPOINT: `http://127.0.0.1:${SUITE_LOCAL_KMS_PORT}`,
    KMS_PROJECT_ID: LOCAL_PROJECT_ID,
    KMS_AUTH_MODE: 'operator',
    CONSOLE_ACCESS_TOKEN: ACCESS_TOKEN,
  });
});

test.afterAll(() => extra?.stop());

test('sign in, use an operator IAM token, encrypt, sign out', async ({ page, secrets }) => {
  secrets.push(ACCESS_TOKEN, 'operator secret');
  await page.goto(BASE_URL);

  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Access token').fill('wrong-token-wrong-token-wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
  await expect(refusal).toContainText('CONSOLE.0006');
  await expect(refusal).toContainText('The access token is wrong.');
  await expectNoAxeViolations(page, 'sign-in page with an error');

  await page.getByLabel('Access token').fill(ACCESS_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Encrypt' })).toBeVisible();
  await expect(page.getByText('Your IAM token is needed')).toBeVisible();
  await expectNoAxeViolations(page, 'operator token panel');
  // Without a token the key list cannot load, and the picker says so.
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveAccessibleDescription(
    /could not be loaded/,
  );

  await page.getByLabel('IAM token', { exact: true }).fill(IAM_TOKEN);
  await page.getByRole('button', { name: 'Use token' }).click();
  await expect(page.getByText('Held in memory only')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Key ID' })).toHaveAccessibleDescription(
    /keys listed/,
  );
  const sent = page.waitForRequest((request) => request.url().endsWith('/api/kms/encrypt-data'));
  await encryptThroughUi(page, { key: KEYS.aes, plainText: 'operator secret' });
  expect((await sent).headers()['x-auth-token']).toBe(IAM_TOKEN);
  expect(await dumpBrowserStorage(page)).not.toContain(IAM_TOKEN);

  // A reload forgets a token held in memory only.
  await page.reload();
  await expect(page.getByText('Your IAM token is needed')).toBeVisible();
  await page.getByLabel('IAM token', { exact: true }).fill(IAM_TOKEN);
  await page.getByLabel(/Keep it for this browser tab/).check();
  await page.getByRole('button', { name: 'Use token' }).click();
  await expect(page.getByText('Kept for this browser tab only')).toBeVisible();
  const storage = await dumpBrowserStorage(page);
  expect(storage).toContain(`sessionStorage:kms-console.operator-token=${IAM_TOKEN}`);
  expect(storage).not.toMatch(new RegExp(`localStorage:[^\\n]*${IAM_TOKEN}`));
  await page.getByRole('button', { name: 'Forget token' }).click();
  expect(await dumpBrowserStorage(page)).not.toContain(IAM_TOKEN);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
