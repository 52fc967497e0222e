/**
 * The CLI's way to KMS: the console server's own configuration (the same variables, parsed by
 * the same code) and its upstream client with the same credential modules. Local KMS by
 * default; with --start-local-kms an embedded one when none answers.
 */
import { connect } from 'node:net';
// Narrow imports, not the packages' index files: those bring both HTTP servers (Fastify and
// all), which the command line only needs with --start-local-kms (loaded then).
import type { LocalKms } from '../kms-local';
import { loadLocalKmsConfig, type LocalKmsConfig } from '../kms-local/config';
import { loadConsoleConfig } from '../server/config';
import { KmsUpstream } from '../server/upstream/kms-upstream';
import type { UpstreamConfig } from '../server/upstream/upstream-config';
import { kmsErrorBodySchema, type ConsoleOperation } from '../shared/kms';

/** A KMS error answer, with its code (e.g. KMS.0207) for the message and the tests. */
export class KmsCallError extends Error {
  override readonly name = 'KmsCallError';

  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${code}: ${message}`);
  }
}

/** No KMS to talk to: a configuration problem, or the local KMS is not running. */
export class KmsUnavailableError extends Error {
  override readonly name = 'KmsUnavailableError';
}

export interface KmsConnection {
  call(operation: ConsoleOperation, body: object): Promise<Record<string, unknown>>;
  /** Where the calls go, for the summary line. */
  readonly endpoint: string;
  readonly embedded: boolean;
  close(): Promise<void>;
}

/** Whether something accepts TCP connections at host:port (the local KMS is running). */
function answers(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function configError(error: unknown): KmsUnavailableError {
  const message = error instanceof Error ? error.message : String(error);
  return new KmsUnavailableError(`Configuration: ${message}`);
}

export async function connectKms(
  env: NodeJS.ProcessEnv,
  options: { startLocalKms: boolean },
): Promise<KmsConnection> {
  let local: LocalKmsConfig | undefined;
  let upstream: UpstreamConfig;
  try {
    upstream = loadConsoleConfig(env, () => {
      local = loadLocalKmsConfig(env);
      return local;
    }).upstream;
  } catch (error) {
    throw configError(error);
  }
  if (upstream.auth.mode === 'operator') {
    throw new KmsUnavailableError(
      'KMS_AUTH_MODE=operator needs a token pasted in the browser; on the command line use KMS_AUTH_MODE=token with KMS_AUTH_TOKEN.',
    );
  }

  let embedded: LocalKms | undefined;
  if (upstream.kind === 'local' && local) {
    const url = new URL(upstream.endpoint);
    if (!(await answers(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port)))) {
      if (!options.startLocalKms) {
        throw new KmsUnavailableError(
          `The local KMS at ${upstream.endpoint} does not answer. Start it (npm start, or npm run kms:local), point KMS_ENDPOINT at another KMS, or add --start-local-kms to run one in this process on ${local.dataDir}.`,
        );
      }
      // Loopback and an ephemeral port: the embedded KMS serves this process only.
      const { buildLocalKms } = await import('../kms-local');
      embedded = await buildLocalKms({ ...local, host: '127.0.0.1', port: 0 });
      upstream = { ...upstream, endpoint: await embedded.listen() };
    }
  }

  const client = new KmsUpstream(upstream);
  return {
    endpoint: upstream.endpoint,
    embedded: embedded !== undefined,
    async call(operation, body) {
      let result;
      try {
        result = await client.call(operation, body);
      } catch (error) {
        // The console's own CONSOLE.00xx failures: unreachable, timeout, not a KMS answer.
        const { code } = error as { code?: unknown };
        if (typeof code === 'string') throw new KmsCallError(code, (error as Error).message);
        throw error;
      }
      if (result.status >= 200 && result.status < 300) return result.body;
      const parsed = kmsErrorBodySchema.safeParse(result.body);
      if (parsed.success) {
        throw new KmsCallError(
          parsed.data.error.error_code,
          parsed.data.error.error_msg,
          result.status,
        );
      }
      throw new KmsCallError('CONSOLE.0012', `KMS answered HTTP ${result.status}.`, result.status);
    },
    async close() {
      client.close();
      await embedded?.close();
    },
  };
}
