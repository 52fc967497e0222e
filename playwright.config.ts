import { defineConfig } from '@playwright/test';

const CONSOLE_PORT = Number(process.env.E2E_CONSOLE_PORT ?? 18080);
const LOCAL_KMS_PORT = Number(process.env.E2E_LOCAL_KMS_PORT ?? 18090);
const DATA_DIR = '.tmp/e2e-local-kms';

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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `rm -rf ${DATA_DIR} && tsx src/main.ts`,
    url: `http://127.0.0.1:${CONSOLE_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      CONSOLE_PORT: String(CONSOLE_PORT),
      LOCAL_KMS_PORT: String(LOCAL_KMS_PORT),
      LOCAL_KMS_DATA_DIR: DATA_DIR,
      LOCAL_KMS_SEED: 'e2e/fixtures/local-kms-seed.yaml',
    },
  },
});
