/**
 * The composition root: the one place that listens. Starts the embedded local KMS when no
 * KMS_ENDPOINT is configured, then the console server in front of it.
 */
import path from 'node:path';
import { buildLocalKms, loadLocalKmsConfig, type LocalKms, type LocalKmsConfig } from './kms-local';
import {
  buildConsoleServer,
  loadConsoleConfig,
  openConsoleHistory,
  type ConsoleConfig,
} from './server';

/** Where the history lives, never the DATABASE_URL itself (it may hold a password). */
function describeHistory(history: ConsoleConfig['history']): string {
  if (!history?.enabled) return 'off (each browser keeps its own)';
  if (history.databaseUrl !== undefined) return 'PostgreSQL (DATABASE_URL)';
  return `embedded, in ${path.resolve(history.dataDir, 'history')}`;
}

async function main(): Promise<void> {
  const env = process.env;
  // Parse every setting before starting anything, so a bad value stops the process at once.
  // LOCAL_KMS_* is parsed by the local KMS alone, and only when it is the upstream; the
  // console is handed its settings.
  const handedOver: { localKms?: LocalKmsConfig } = {};
  const consoleConfig = loadConsoleConfig(env, () => {
    handedOver.localKms = loadLocalKmsConfig(env);
    return handedOver.localKms;
  });
  const localKmsConfig = handedOver.localKms;

  let localKms: LocalKms | undefined;
  if (localKmsConfig) {
    localKms = await buildLocalKms(localKmsConfig);
    await localKms.listen();
    console.log(localKms.describeStartup());
  }

  // Opened (and migrated, under a lock replicas share) before the console answers anything;
  // the console server closes it when it closes.
  const history = await openConsoleHistory(consoleConfig);
  const consoleServer = await buildConsoleServer(consoleConfig, history ? { history } : {});
  await consoleServer.listen({ host: consoleConfig.host, port: consoleConfig.port });
  const address = consoleServer.server.address();
  const port = typeof address === 'object' && address ? address.port : consoleConfig.port;
  console.log(`KMS Encrypt Console: http://${consoleConfig.host}:${port}`);
  console.log(
    consoleConfig.upstream.kind === 'local'
      ? `Upstream: local KMS at ${consoleConfig.upstream.endpoint}`
      : `Upstream: ${consoleConfig.upstream.endpoint} (project ${consoleConfig.upstream.projectId})`,
  );
  console.log(`Team history: ${describeHistory(consoleConfig.history)}`);

  const shutdown = async (): Promise<void> => {
    await consoleServer.close();
    await localKms?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
