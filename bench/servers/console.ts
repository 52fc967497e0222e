/**
 * Child entry: the console server alone (CONSOLE_* and LOCAL_KMS_* / KMS_* variables set by
 * the parent point it at a local KMS running in another child).
 */
import { loadLocalKmsConfig } from '../../src/kms-local';
import { buildConsoleServer, loadConsoleConfig } from '../../src/server';
import { announceReady } from '../lib/children';

// The local KMS runs in another child; its LOCAL_KMS_* settings say where.
const config = loadConsoleConfig(process.env, () => loadLocalKmsConfig(process.env));
const app = await buildConsoleServer(config);
await app.listen({ host: config.host, port: config.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
announceReady(`http://${config.host}:${port}`, () => app.close());
