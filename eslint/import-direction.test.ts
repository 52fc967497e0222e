// Runs the project's own ESLint configuration on virtual files placed in each area, so the
// test breaks if the rule is switched off, loosened, or no longer applies to a folder.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const RULE = 'local/import-direction';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The import-direction messages for `source` linted as if it were the file `file`. */
async function directionProblems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === RULE)
    .map((message) => message.message);
}

describe('import direction (eslint/import-direction.js)', () => {
  it('is switched on as an error for every file', async () => {
    const config = (await eslint.calculateConfigForFile(path.join(ROOT, 'src/lib/x.ts'))) as {
      rules?: Record<string, unknown>;
    };
    expect(config.rules?.[RULE]).toEqual([2]);
  });

  it.each([
    ['src/lib/api/x.ts', "import '../../features/keys';", 'src/lib must not import src/features.'],
    ['src/lib/x.ts', "import './../components';", 'src/lib must not import src/components.'],
    ['src/components/x.tsx', "import '../features/session';", 'must not import src/features'],
    ['src/features/keys/x.ts', "import '../../app/App';", 'must not import src/app'],
    ['src/shared/kms/x.ts', "import '../../lib/i18n';", 'src/shared must not import src/lib.'],
    ['src/app/x.ts', "import '../server/app';", 'src/app must not import src/server.'],
    ['src/features/encrypt/x.ts', "import '../../kms-local';", 'must not import src/kms-local'],
    ['src/lib/x.ts', "import '../node/files';", 'src/lib must not import src/node.'],
    ['src/node/x.ts', "import '../server/app';", 'src/node must not import src/server.'],
    ['src/server/x.ts', "import '../kms-local/index';", 'must not import src/kms-local'],
    ['src/cli/x.ts', "import '../lib/api';", 'src/cli must not import src/lib.'],
    ['src/cli/x.ts', "export * from '../server/app';", 'src/cli must not import src/server.'],
    ['src/features/history/x.ts', "import '../keys';", 'must not import feature "keys"'],
    ['src/features/keys/x.ts', "import '../encrypt';", 'must not import feature "encrypt"'],
    ['src/features/encrypt/x.ts', "import '../session';", 'must not import feature "session"'],
    [
      'src/features/encrypt/components/x.ts',
      "import { algorithmsForKey } from '../../keys/model/key-options'; algorithmsForKey;",
      'through its index.ts',
    ],
    [
      'src/features/history/model/x.ts',
      "import './history.test-support';",
      'Test helpers (*.test-support.ts) are for tests only',
    ],
    [
      'src/features/decrypt/x.ts',
      "const page = import('../encrypt/components/EncryptPage'); page;",
      'must not import feature "encrypt"',
    ],
  ])('refuses %s → %s', async (file, source, expected) => {
    const problems = await directionProblems(file, source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it.each([
    ['src/app/x.ts', "import '../features/encrypt'; import '../components'; import '../lib/api';"],
    ['src/features/history/x.ts', "import '../../components'; import '../../lib/i18n';"],
    ['src/features/encrypt/components/x.ts', "import '../../keys';"],
    ['src/features/decrypt/x.ts', "import '../keys/index';"],
    ['src/features/keys/components/x.ts', "import '../model/key-options';"],
    ['src/features/history/model/x.test.ts', "import './history.test-support';"],
    ['src/components/x.tsx', "import '../lib/i18n'; import '../shared/kms';"],
    ['src/lib/api/x.ts', "import '../i18n'; import '../../shared/console';"],
    ['src/server/x.ts', "import '../node/files'; import '../shared/kms';"],
    ['src/kms-local/x.ts', "import '../node/files';"],
    ['src/cli/x.ts', "import '../node/envelope'; import '../shared/envelope';"],
    ['src/cli/x.ts', "import '../server/config'; import '../server/upstream/kms-upstream';"],
    ['src/main.ts', "import './server'; import './kms-local'; import './node/files';"],
    ['test/server/x.test.ts', "import '../../src/server/app'; import '../../src/lib/api';"],
  ])('allows %s → %s', async (file, source) => {
    expect(await directionProblems(file, source)).toEqual([]);
  });
});
