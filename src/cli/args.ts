/** The command line of `npm run envelope -- …`, parsed without a library (it is this small). */
export type EnvelopeCommand =
  | {
      command: 'encrypt';
      key: string;
      context: Record<string, string>;
      inPath: string;
      outPath: string;
      force: boolean;
      startLocalKms: boolean;
    }
  | { command: 'decrypt'; inPath: string; outPath: string; force: boolean; startLocalKms: boolean }
  | { command: 'help' };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage:
  npm run envelope -- encrypt --key <key id|alias> [--context k=v ...] --in <file> [--out <file>]
  npm run envelope -- decrypt --in <file.kmsenc> [--out <file>]

Options:
  --key <id|alias>    the KMS key (symmetric: AES_256 or SM4) that makes the data key
  --context k=v       an encryption context pair; repeat for more (bound to the data key)
  --in <file>         the file to read
  --out <file>        the file to write (default: <in>.kmsenc, or <in> without .kmsenc)
  --force             replace an existing output file
  --start-local-kms   if the local KMS does not answer, run one in this process on its data dir
  --help              this text

The KMS is the console server's: KMS_ENDPOINT/KMS_REGION and credentials for Huawei Cloud,
otherwise the local KMS (LOCAL_KMS_HOST, LOCAL_KMS_PORT, LOCAL_KMS_DATA_DIR, ...).`;

const ENVELOPE_EXTENSION = '.kmsenc';

function defaultOutPath(command: 'encrypt' | 'decrypt', inPath: string): string {
  if (command === 'encrypt') return `${inPath}${ENVELOPE_EXTENSION}`;
  if (inPath.endsWith(ENVELOPE_EXTENSION) && inPath.length > ENVELOPE_EXTENSION.length) {
    return inPath.slice(0, -ENVELOPE_EXTENSION.length);
  }
  throw new UsageError(`--in does not end with ${ENVELOPE_EXTENSION}: give --out.`);
}

function contextPair(text: string, context: Record<string, string>): void {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new UsageError(`--context takes key=value, not "${text}".`);
  const key = text.slice(0, equals);
  if (Object.hasOwn(context, key)) throw new UsageError(`--context ${key} is given twice.`);
  context[key] = text.slice(equals + 1);
}

export function parseArgs(argv: readonly string[]): EnvelopeCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help' };
  }
  if (command !== 'encrypt' && command !== 'decrypt') {
    throw new UsageError(`Unknown command "${command}": encrypt or decrypt.`);
  }
  const values: Partial<Record<'key' | 'in' | 'out', string>> = {};
  const context: Record<string, string> = {};
  let force = false;
  let startLocalKms = false;
  for (let index = 0; index < rest.length; index += 1) {
    const flag = rest[index];
    const value = () => {
      const next = rest[index + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`${flag} needs a value.`);
      index += 1;
      return next;
    };
    switch (flag) {
      case '--key':
      case '--in':
      case '--out': {
        const name = flag.slice(2) as 'key' | 'in' | 'out';
        if (values[name] !== undefined) throw new UsageError(`${flag} is given twice.`);
        values[name] = value();
        break;
      }
      case '--context':
        contextPair(value(), context);
        break;
      case '--force':
        force = true;
        break;
      case '--start-local-kms':
        startLocalKms = true;
        break;
      case '--help':
        return { command: 'help' };
      default:
        throw new UsageError(`Unknown option "${flag}".`);
    }
  }
  if (values.in === undefined) throw new UsageError('--in is required.');
  const outPath = values.out ?? defaultOutPath(command, values.in);
  if (command === 'decrypt') {
    if (values.key !== undefined || Object.keys(context).length > 0) {
      throw new UsageError('decrypt takes no --key or --context: the envelope names them.');
    }
    return { command, inPath: values.in, outPath, force, startLocalKms };
  }
  if (values.key === undefined) throw new UsageError('--key is required to encrypt.');
  return { command, key: values.key, context, inPath: values.in, outPath, force, startLocalKms };
}
