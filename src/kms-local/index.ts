/**
 * The local KMS: Huawei Cloud KMS's wire protocol with real cryptography and a persistent
 * keystore, for development, demos and tests. `buildLocalKms` prepares everything but does not
 * listen; `listen()` does.
 */
import { mkdir } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { urlHost } from '../node/net';
import { LOCAL_KMS_DEFAULTS } from '../shared/local-kms-defaults';
import type { LocalKmsConfig } from './config';
import { Keystore } from './keystore/keystore';
import { applySeed, readSeedFile, seedDemoKeys } from './seed';
import { buildKmsApp } from './server';
import { createOperations, RotationSchedule } from './operations';

const ROTATION_CHECK_MS = 60_000;

export { loadLocalKmsConfig, type LocalKmsConfig } from './config';

export interface LocalKms {
  app: FastifyInstance;
  /** Starts listening; resolves to the base URL, e.g. `http://127.0.0.1:8090`. */
  listen(): Promise<string>;
  close(): Promise<void>;
  /** Endpoint, project id, dev credentials and data dir, ready to print. */
  describeStartup(): string;
}

function baseUrl(host: string, port: number): string {
  return `http://${urlHost(host)}:${port}`;
}

export async function buildLocalKms(config: LocalKmsConfig): Promise<LocalKms> {
  // Seed file problems are reported before anything is written to the data dir.
  const seeds = config.seedFile !== undefined ? await readSeedFile(config.seedFile) : undefined;
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const store = await Keystore.open(config.dataDir, config.rootKey);
  if (seeds) await applySeed(store, seeds);
  else await seedDemoKeys(store, config.dataDir);

  const now = config.now ?? Date.now;
  const rotation = new RotationSchedule(store, now);
  const app = buildKmsApp(
    createOperations(
      store,
      { domainId: config.domainId, region: config.region },
      { now, rotation },
    ),
    config,
  );
  // Requests run the rotation check too; the timer rotates keys nobody is using.
  const rotationTimer = setInterval(() => {
    rotation.rotateDue().catch((error: unknown) => {
      app.log.error({ err: { message: (error as Error).message } }, 'scheduled rotation failed');
    });
  }, ROTATION_CHECK_MS);
  rotationTimer.unref();
  app.addHook('onClose', async () => clearInterval(rotationTimer));
  let url: string | undefined;

  return {
    app,
    async listen() {
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      url = baseUrl(config.host, port);
      return url;
    },
    async close() {
      await app.close();
    },
    describeStartup() {
      // Only the documented dev defaults are printed; a secret the operator chose stays hidden.
      const shown = (value: string, fallback: string, variable: string) =>
        value === fallback ? value : `(set by ${variable})`;
      const endpoint = url ?? baseUrl(config.host, config.port);
      return [
        `Local KMS (Huawei Cloud KMS v1.0 wire protocol) at ${endpoint}`,
        `  endpoint:     ${endpoint}/v1.0/${config.projectId}/kms/<operation>`,
        `  project id:   ${config.projectId}`,
        `  region:       ${config.region}`,
        `  X-Auth-Token: ${shown(config.token, LOCAL_KMS_DEFAULTS.token, 'LOCAL_KMS_TOKEN')}`,
        `  AK:           ${config.accessKey}`,
        `  SK:           ${shown(config.secretKey, LOCAL_KMS_DEFAULTS.secretKey, 'LOCAL_KMS_SK')}`,
        `  data dir:     ${config.dataDir}`,
        `  keys:         ${store.size}${config.seedFile ? ` (seed file ${config.seedFile})` : ''}`,
      ].join('\n');
    },
  };
}
