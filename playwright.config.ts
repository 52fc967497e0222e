import { defineConfig } from '@playwright/test';

const CONSOLE_PORT = Number(process.env.E2E_CONSOLE_PORT ?? 18080);
const LOCAL_KMS_PORT = Number(process.env.E2E_LOCAL_KMS_PORT ?? 18090);
const DATA_DIR = '.tmp/e2e-local-kms';
// The team history store, emptied before each run like the local KMS; per port, so two runs
// on different ports never share (or lock each other out of) one embedded store.
const CONSOLE_DATA_DIR = `.tmp/e2e-console-data-${CONSOLE_PORT}`;
/** A second console with CONSOLE_HISTORY=off: the browser-only history (history.spec.ts). */
const BROWSER_HISTORY_PORT = Number(process.env.E2E_BROWSER_HISTORY_PORT ?? CONSOLE_PORT + 2);
const BROWSER_HISTORY_KMS_PORT = Number(
  process.env.E2E_BROWSER_HISTORY_KMS_PORT ?? LOCAL_KMS_PORT + 2,
);
const BROWSER_HISTORY_KMS_DIR = `.tmp/e2e-local-kms-${BROWSER_HISTORY_KMS_PORT}`;
/**
 * Specs about the history a browser keeps by itself (encrypt.spec.ts clears it and counts its
 * entries), run against that second console.
 */
const BROWSER_HISTORY_SPECS = /(^|\/)(history|history-toolbar|encrypt)\.spec\.ts$/;

// Playwright cannot download a browser here: Debian's Chromium is the one it drives.
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${CONSOLE_PORT}`,
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: BROWSER_HISTORY_SPECS,
      use: { browserName: 'chromium' },
    },
    {
      name: 'browser-history',
      testMatch: BROWSER_HISTORY_SPECS,
      use: { browserName: 'chromium', baseURL: `http://127.0.0.1:${BROWSER_HISTORY_PORT}` },
    },
  ],
  webServer: [
    {
      command: `rm -rf ${DATA_DIR} ${CONSOLE_DATA_DIR} && tsx src/main.ts`,
      url: `http://127.0.0.1:${CONSOLE_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        CONSOLE_PORT: String(CONSOLE_PORT),
        CONSOLE_DATA_DIR,
        LOCAL_KMS_PORT: String(LOCAL_KMS_PORT),
        LOCAL_KMS_DATA_DIR: DATA_DIR,
        LOCAL_KMS_SEED: 'e2e/fixtures/local-kms-seed.yaml',
      },
    },
    {
      command: `rm -rf ${BROWSER_HISTORY_KMS_DIR} && tsx src/main.ts`,
      url: `http://127.0.0.1:${BROWSER_HISTORY_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        CONSOLE_PORT: String(BROWSER_HISTORY_PORT),
        CONSOLE_HISTORY: 'off',
        LOCAL_KMS_PORT: String(BROWSER_HISTORY_KMS_PORT),
        LOCAL_KMS_DATA_DIR: BROWSER_HISTORY_KMS_DIR,
        LOCAL_KMS_SEED: 'e2e/fixtures/local-kms-seed.yaml',
      },
    },
  ],
});
