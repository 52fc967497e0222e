// Entry of `npm run envelope -- encrypt|decrypt …` (see run.ts and docs/envelope-format.md).
import { runEnvelopeCli } from './run';

runEnvelopeCli(process.argv.slice(2), process.env, process.stdout, process.stderr).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
