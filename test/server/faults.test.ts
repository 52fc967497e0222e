/**
 * A failing upstream, over real HTTP: stopped, slower than KMS_TIMEOUT_MS, answering garbage,
 * then restored. Each failure gets its documented CONSOLE.xxxx code; afterwards the same
 * console server (not restarted) answers normally again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import {
  errorCodeOf,
  get,
  post,
  startConsole,
  testConfig,
  type RunningConsole,
  fakeCloudUpstream,
} from './helpers';

// Short, so the slow case stays quick, yet far above a normal call even on a busy machine;
// the fake cloud's delay is well past it.
const TIMEOUT_MS = 1000;

let cloud: FakeCloud;
let server: RunningConsole;

async function describeKey() {
  return post(`${server.url}/api/kms/describe-key`, { key_id: FAKE_KEYS.enabled });
}

beforeAll(async () => {
  cloud = await startFakeCloud();
  server = await startConsole(testConfig(fakeCloudUpstream(cloud, TIMEOUT_MS)));
});

afterAll(async () => {
  await server.close();
  await cloud.stop();
});

describe('upstream faults', () => {
  it('goes from normal, to each failure, and back to normal without a restart', async () => {
    expect((await describeKey()).status).toBe(200);

    // Stopped: the kept-alive connection is gone and nothing listens any more.
    await cloud.stop();
    for (let i = 0; i < 3; i += 1) {
      const stopped = await describeKey();
      expect(stopped.status).toBe(502);
      expect(errorCodeOf(stopped)).toBe('CONSOLE.0010');
      expect((stopped.body as { error: { error_msg: string } }).error.error_msg).toContain(
        'could not be reached',
      );
    }
    expect((await get(`${server.url}/healthz`)).status).toBe(200);

    await cloud.start();
    expect((await describeKey()).status).toBe(200);

    cloud.fault = { kind: 'delay', ms: TIMEOUT_MS * 3 };
    const slow = await describeKey();
    expect(slow.status).toBe(504);
    expect(errorCodeOf(slow)).toBe('CONSOLE.0011');

    cloud.fault = { kind: 'garbage' };
    const garbage = await describeKey();
    expect(garbage.status).toBe(502);
    expect(errorCodeOf(garbage)).toBe('CONSOLE.0012');
    expect(garbage.text).not.toContain('<html>');

    cloud.fault = { kind: 'foreign-error' };
    const foreign = await describeKey();
    expect(foreign.status).toBe(502);
    expect(errorCodeOf(foreign)).toBe('CONSOLE.0012');

    cloud.fault = { kind: 'none' };
    const restored = await Promise.all(Array.from({ length: 10 }, () => describeKey()));
    expect(restored.map((answer) => answer.status)).toEqual(Array(10).fill(200));
  });

  it('answers 502 CONSOLE.0010 for an endpoint where nothing ever listened', async () => {
    const parked = await startFakeCloud();
    const endpoint = parked.baseUrl;
    await parked.stop();
    const orphan = await startConsole(
      testConfig({
        kind: 'cloud',
        endpoint,
        region: 'cn-north-4',
        projectId: parked.projectId,
        auth: { mode: 'token', token: 'MIIunused' },
        timeoutMs: TIMEOUT_MS,
      }),
    );
    try {
      const answer = await post(`${orphan.url}/api/kms/list-keys`, {});
      expect(answer.status).toBe(502);
      expect(errorCodeOf(answer)).toBe('CONSOLE.0010');
    } finally {
      await orphan.close();
    }
  });

  it('logs each failure as a warning with its code, and audits the operation', () => {
    const warnings = server.logs.lines
      .map((line) => JSON.parse(line) as { level: number; errorCode?: string })
      .filter((entry) => entry.level === 40);
    expect(warnings.map((entry) => entry.errorCode)).toEqual(
      expect.arrayContaining(['CONSOLE.0010', 'CONSOLE.0011', 'CONSOLE.0012']),
    );
    const statuses = server.logs
      .audits()
      .filter((audit) => audit.event === 'kms.operation')
      .map((audit) => audit.status);
    expect(statuses).toEqual(expect.arrayContaining([200, 502, 504]));
  });
});
