/**
 * DNS rebinding against the local KMS (issue 10, item 1): its dev token is published, so a
 * page rebound to 127.0.0.1 could send it as a same-origin header and delete keys. The local
 * KMS answers only the names it serves: loopback and IP literals on its port, LOCAL_KMS_HOST,
 * and LOCAL_KMS_ALLOWED_HOSTS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocalKmsConfig } from '../../src/kms-local';
import { errorCodeOfRaw, rawRequest } from '../server/raw-http';
import { PROJECT_ID, removeDir, startKms, tempDir, TOKEN, type RunningKms } from './helpers';

let dataDir: string;
let kms: RunningKms;
let port: string;

beforeAll(async () => {
  dataDir = await tempDir();
  const fromEnv = loadLocalKmsConfig({ LOCAL_KMS_ALLOWED_HOSTS: 'kms-local, kms.internal:9000' });
  kms = await startKms(dataDir, { allowedHosts: fromEnv.allowedHosts });
  port = new URL(kms.url).port;
});

afterAll(async () => {
  await kms.close();
  await removeDir(dataDir);
});

function listKeys(host: string) {
  return rawRequest(`${kms.url}/v1.0/${PROJECT_ID}/kms/list-keys`, {
    method: 'POST',
    headers: { host, 'content-type': 'application/json', 'x-auth-token': TOKEN },
    body: JSON.stringify({ limit: '10' }),
  });
}

describe('Host allowlist of the local KMS', () => {
  it('refuses a rebound name with 421 before authenticating or running anything', async () => {
    for (const host of [
      `attacker.example:${port}`,
      'attacker.example',
      `localhost:${Number(port) + 1}`,
    ]) {
      const answer = await listKeys(host);
      expect({ host, status: answer.status, code: errorCodeOfRaw(answer) }).toEqual({
        host,
        status: 421,
        code: 'KMS.0201',
      });
    }
  });

  it('answers loopback names and IP literals on its port, and the allowed hosts', async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      `192.168.7.7:${port}`,
      `kms-local:${port}`,
      'kms.internal:9000',
    ]) {
      expect({ host, status: (await listKeys(host)).status }).toEqual({ host, status: 200 });
    }
  });
});
