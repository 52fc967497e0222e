/** Child entry: the bare node:http ceiling, answering BENCH_CEILING_RESPONSE_BYTES of JSON. */
import { startCeilingServer } from '../lib/ceiling-server';
import { announceReady } from '../lib/children';

const responseBytes = Number(process.env.BENCH_CEILING_RESPONSE_BYTES ?? '256');
const server = await startCeilingServer(responseBytes);
announceReady(server.url, () => server.close());
