/**
 * Child entry: the console server alone (CONSOLE_* and LOCAL_KMS_* / KMS_* variables set by
 * the parent point it at a local KMS running in another child).
 */
import { buildConsoleServer, loadConsoleConfig } from '../../src/server';
import { announceReady } from '../lib/children';

const config = loadConsoleConfig(process.env);
const app = await buildConsoleServer(config);
await app.listen({ host: config.host, port: config.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
announceReady(`http://${config.host}:${port}`, () => app.close());
