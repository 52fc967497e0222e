/**
 * `npm run envelope -- encrypt|decrypt …`: files of any size in the envelope format the
 * browser writes and reads (src/shared/envelope), in constant memory (files.ts).
 */
import { stat } from 'node:fs/promises';
import {
  isEnvelopeError,
  kmsKeyring,
  kmsKeyIdsOf,
  type CallKms,
  type EnvelopeHeaderInfo,
} from '../shared/envelope';
import { parseArgs, USAGE, UsageError } from './args';
import {
  connectKms,
  KmsCallError,
  KmsUnavailableError,
  type KmsConnection,
} from './kms-connection';
import { decryptFile, encryptFile } from './files';
import { resolveKeyId } from './resolve-key';

export interface CliOutput {
  write(text: string): unknown;
}

/** 0 done, 1 refused or failed, 2 bad command line, 3 no KMS to talk to. */
export const EXIT = { ok: 0, failed: 1, usage: 2, noKms: 3 } as const;

/** What each envelope error kind means for the file, as the browser says it too. */
const REFUSALS: Record<string, string> = {
  'not-an-envelope': 'not an envelope file',
  'unsupported-suite': 'not an envelope file this console reads',
  'malformed-header': 'not an envelope file (damaged header)',
  'header-changed': 'the file was changed (header)',
  'commitment-mismatch': 'the file was changed (data key commitment)',
  'frame-changed': 'the file was changed',
  'frames-reordered': 'the file was changed (parts reordered)',
  'trailing-data': 'the file was changed (bytes after its end)',
  truncated: 'the file is truncated',
  'data-key-unwrap-failed': 'KMS could not decrypt the data key (foreign or changed file)',
  'data-key-unavailable': 'KMS gave no data key',
  'context-mismatch': 'the encryption context does not match',
  'invalid-input': 'invalid input',
};

function describeFailure(error: unknown): string {
  if (isEnvelopeError(error)) {
    const cause = error.cause instanceof KmsCallError ? ` [${error.cause.message}]` : '';
    return `refused: ${REFUSALS[error.kind] ?? error.kind} (${error.kind}): ${error.message}${cause}`;
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'EEXIST') return 'the output file exists: choose another --out or add --force';
  if (code === 'ENOENT') return `no such file: ${(error as { path?: string }).path ?? ''}`;
  return error instanceof Error ? error.message : String(error);
}

function callKmsOver(kms: KmsConnection): CallKms {
  return (operation, body) => kms.call(operation, body);
}

function summary(
  verb: string,
  inPath: string,
  outPath: string,
  size: number,
  header: EnvelopeHeaderInfo,
  seconds: number,
) {
  const context = Object.entries(header.encryptionContext)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return [
    `${verb} ${inPath} -> ${outPath} (${size} bytes in ${seconds.toFixed(2)} s, ${(size / 2 ** 20 / Math.max(seconds, 1e-3)).toFixed(0)} MiB/s)`,
    `  key:         ${kmsKeyIdsOf(header.encryptedDataKeys).join(', ')}`,
    `  context:     ${context || '(none)'}`,
    `  fingerprint: ${header.headerFingerprint}`,
    '',
  ].join('\n');
}

export async function runEnvelopeCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: CliOutput,
  err: CliOutput,
): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (command.command === 'help') {
    out.write(`${USAGE}\n`);
    return EXIT.ok;
  }

  let kms: KmsConnection;
  try {
    kms = await connectKms(env, { startLocalKms: command.startLocalKms });
  } catch (error) {
    if (!(error instanceof KmsUnavailableError)) throw error;
    err.write(`${error.message}\n`);
    return EXIT.noKms;
  }
  if (kms.embedded) err.write(`Started an embedded local KMS at ${kms.endpoint}.\n`);
  try {
    const size = (await stat(command.inPath)).size;
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    if (command.command === 'encrypt') {
      const keyId = await resolveKeyId(kms, command.key);
      const header = await encryptFile(
        {
          inPath: command.inPath,
          outPath: command.outPath,
          keyring: kmsKeyring({ callKms: callKmsOver(kms), keyId }),
          overwrite: command.force,
        },
        command.context,
      );
      out.write(summary('encrypted', command.inPath, command.outPath, size, header, seconds()));
    } else {
      const header = await decryptFile({
        inPath: command.inPath,
        outPath: command.outPath,
        keyring: kmsKeyring({ callKms: callKmsOver(kms) }),
        overwrite: command.force,
      });
      out.write(summary('decrypted', command.inPath, command.outPath, size, header, seconds()));
    }
    return EXIT.ok;
  } catch (error) {
    err.write(`${command.command} failed: ${describeFailure(error)}\n`);
    return EXIT.failed;
  } finally {
    await kms.close();
  }
}
