import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { expectNoSecretsInStorage } from './storage';

interface Fixtures {
  /**
   * Plaintexts (and other secrets) a test used. After the test, the browser's storage is
   * checked for every one of them: the console must never keep a plaintext.
   */
  secrets: string[];
  /** Counts the KMS calls the page makes, to prove that refused input sent nothing. */
  kmsCalls: { count: (operation: string) => number };
}

export const test = base.extend<Fixtures>({
  secrets: async ({ page }, use) => {
    const secrets: string[] = [];
    await use(secrets);
    await expectNoSecretsInStorage(page, secrets);
  },
  kmsCalls: async ({ page }, use) => {
    const calls: string[] = [];
    page.on('request', (request) => {
      const match = /\/api\/kms\/([a-z-]+)$/.exec(new URL(request.url()).pathname);
      if (match?.[1]) calls.push(match[1]);
    });
    await use({ count: (operation) => calls.filter((call) => call === operation).length });
  },
});

export { expect };

/** Runs axe-core on the page and fails with a readable list of what it found. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(' ')} — ${node.failureSummary ?? ''}`)
        .join('\n'),
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}
