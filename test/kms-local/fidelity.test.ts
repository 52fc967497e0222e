/**
 * Fidelity to the cloud's wire (KMS-API-2.md §0, §8): documented request fields accepted,
 * documented response fields answered with their JSON types, 201/204 where documented,
 * X-Request-Id on every answer, and the new routes signed by the official SDK core.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_KMS_DEFAULTS } from '../../src/shared/local-kms-defaults';
import { removeDir, startKms, tempDir, writeSeed, type RunningKms } from './helpers';
import { errorCodeOf, expectFieldTypes, expectKeyDetails, kmsPath, send } from './rest-helpers';

const require = createRequire(import.meta.url);

interface HcClient {
  sendRequest(options: object): Promise<unknown>;
}
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder') as {
  ClientBuilder: new (factory: (client: HcClient) => HcClient) => {
    withCredential(credential: object): { withEndpoint(url: string): { build(): HcClient } };
  };
};
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials') as {
  BasicCredentials: new () => {
    withAk(ak: string): { withSk(sk: string): { withProjectId(id: string): object } };
  };
};

const AES = '1a2b3c4d-0000-4000-8000-00000000d001';
const PROJECT = 'c5a1e2f0-0000-4000-8000-0000000000e1';
const SEQUENCE = '919c82d4-8046-4722-9094-35c3c6524cff';

let dir: string;
let kms: RunningKms;

beforeAll(async () => {
  dir = await tempDir();
  const seed = await writeSeed(dir, [
    { key_id: AES, key_alias: 'fidelity/aes', key_spec: 'AES_256' },
  ]);
  kms = await startKms(join(dir, 'data'), { seedFile: seed });
});

afterAll(async () => {
  await kms.close();
  await removeDir(dir);
});

describe('documented fields', () => {
  it('create-key takes enterprise_project_id, keystore_id, vm_id and sequence; answers region_id', async () => {
    const created = await kms.call('create-key', {
      key_alias: 'fidelity/project-key',
      key_spec: 'AES_256',
      key_usage: 'ENCRYPT_DECRYPT',
      key_description: 'an SDK caller sets every field',
      origin: 'kms',
      enterprise_project_id: PROJECT,
      keystore_id: '0',
      vm_id: 'vm-0001',
      sequence: SEQUENCE,
    });
    expect(created.status).toBe(200);
    const keyInfo = created.body.key_info;
    expectFieldTypes(keyInfo, { key_id: 'string', domain_id: 'string', region_id: 'string' });
    expect(keyInfo).toMatchObject({ region_id: 'local' });

    const keyId = (keyInfo as { key_id: string }).key_id;
    const described = await kms.call('describe-key', { key_id: keyId, sequence: SEQUENCE });
    expectKeyDetails(described.body.key_info);
    expect(described.body.key_info).toMatchObject({
      sys_enterprise_project_id: PROJECT,
      keystore_id: '0',
      key_rotation_enabled: 'false',
    });
  });

  it('list-keys filters by enterprise_project_id (all by default) and answers strings', async () => {
    const inProject = await kms.call('list-keys', { enterprise_project_id: PROJECT });
    expect(inProject.body).toMatchObject({ total: 1, truncated: 'false' });
    const defaults = await kms.call('list-keys', { enterprise_project_id: '0' });
    expect(defaults.body.keys).toEqual([AES]);
    const all = await kms.call('list-keys', { enterprise_project_id: 'all', limit: '1' });
    expectFieldTypes(all.body, {
      keys: 'array',
      key_details: 'array',
      next_marker: 'string',
      truncated: 'string',
      total: 'integer',
    });
    expect(all.body).toMatchObject({ total: 2, truncated: 'true', next_marker: '1' });
    for (const details of all.body.key_details as unknown[]) expectKeyDetails(details);
  });

  it('accepts sequence on the management operations', async () => {
    const calls: [string, Record<string, unknown>][] = [
      ['update-key-description', { key_id: AES, key_description: 'x' }],
      ['get-key-rotation-status', { key_id: AES }],
      ['list-grants', { key_id: AES }],
      ['list-retirable-grants', {}],
      ['resource_instances/action', { action: 'count' }],
      [`${AES}/tags`, { tag: { key: 'k', value: 'v' } }],
      ['aliases', { key_id: AES, alias: 'fidelity-seq' }],
    ];
    for (const [path, body] of calls) {
      const reply = await send(kms.url, 'POST', kmsPath(path), { ...body, sequence: SEQUENCE });
      expect({ path, ok: reply.status < 300 }).toEqual({ path, ok: true });
      const bad = await send(kms.url, 'POST', kmsPath(path), { ...body, sequence: 'short' });
      expect({ path, code: errorCodeOf(bad) }).toEqual({ path, code: 'KMS.0206' });
    }
  });
});

describe('X-Request-Id', () => {
  it('is on every answer: 200, 201, 204, 400, 403, 404, 405, router errors and versions', async () => {
    const answers = [
      await send(kms.url, 'POST', kmsPath('describe-key'), { key_id: AES }),
      await send(kms.url, 'POST', kmsPath('aliases'), { key_id: AES, alias: 'fidelity-id' }),
      await send(kms.url, 'POST', kmsPath(`${AES}/tags`), { tag: { key: 'id', value: '1' } }),
      await send(kms.url, 'POST', kmsPath('describe-key'), { key_id: 'nope' }),
      await send(
        kms.url,
        'POST',
        kmsPath('describe-key'),
        { key_id: AES },
        { 'X-Auth-Token': 'x' },
      ),
      await send(kms.url, 'POST', kmsPath('describe-key'), {
        key_id: '1a2b3c4d-0000-4000-8000-00000000dfff',
      }),
      await send(kms.url, 'GET', '/no/such/path'),
      await send(kms.url, 'DELETE', kmsPath('describe-key')),
      await send(kms.url, 'GET', `/v1.0/%E0%A4%A/kms/describe-key`),
      await send(kms.url, 'GET', '/'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([
      200, 201, 204, 400, 403, 404, 400, 405, 400, 200,
    ]);
    for (const answer of answers) expect(answer.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(answers.map((answer) => answer.requestId)).size).toBe(answers.length);
  });
});

describe('key files', () => {
  it('stay in format 1 until a key uses key management, then format 2, and both load', async () => {
    const created = await kms.call('create-key', { key_alias: 'fidelity/files' });
    const keyId = (created.body.key_info as { key_id: string }).key_id;
    const file = () => readFile(join(dir, 'data', 'keys', `${keyId}.json`), 'utf8');
    expect(JSON.parse(await file())).toMatchObject({ format: 1 });
    const encrypted = await kms.call('encrypt-data', { key_id: keyId, plain_text: 'format one' });

    await send(kms.url, 'POST', kmsPath(`${keyId}/tags`), { tag: { key: 'format', value: '2' } });
    expect(JSON.parse(await file())).toMatchObject({ format: 2, tags: [{ key: 'format' }] });
    await kms.close();
    kms = await startKms(join(dir, 'data'));
    const decrypted = await kms.call('decrypt-data', { cipher_text: encrypted.body.cipher_text });
    expect(decrypted.body.plain_text).toBe('format one');
  });
});

describe('the official SDK core on the REST routes', () => {
  let client: HcClient;

  beforeAll(() => {
    client = new ClientBuilder((hcClient) => hcClient)
      .withCredential(
        new BasicCredentials()
          .withAk(LOCAL_KMS_DEFAULTS.accessKey)
          .withSk(LOCAL_KMS_DEFAULTS.secretKey)
          .withProjectId(LOCAL_KMS_DEFAULTS.projectId),
      )
      .withEndpoint(kms.url)
      .build();
  });

  /** The options object the generated KmsClient builds. */
  const options = (
    method: string,
    url: string,
    extra: { pathParams?: object; queryParams?: object; data?: object } = {},
  ) => ({
    method,
    url,
    contentType: 'application/json',
    queryParams: {},
    pathParams: {},
    headers: {},
    responseHeaders: ['X-Request-Id'],
    ...extra,
  });

  it('signs a 201 create, a GET with a query, a path-parameter POST and DELETE', async () => {
    const created = await client.sendRequest(
      options('POST', '/v1.0/{project_id}/kms/aliases', {
        data: { key_id: AES, alias: 'sdk-alias' },
      }),
    );
    expect(created).toMatchObject({ alias: 'sdk-alias', httpStatusCode: 201 });

    const listed = (await client.sendRequest(
      options('GET', '/v1.0/{project_id}/kms/aliases', {
        queryParams: { key_id: AES, limit: '50' },
      }),
    )) as { aliases: { alias: string }[] }[] & { httpStatusCode: number };
    expect(listed.httpStatusCode).toBe(200);
    expect(listed[0]!.aliases.map((entry) => entry.alias)).toContain('sdk-alias');

    const tagged = await client.sendRequest(
      options('POST', '/v1.0/{project_id}/kms/{key_id}/tags', {
        pathParams: { key_id: AES },
        data: { tag: { key: 'sdk', value: 'yes' } },
      }),
    );
    expect(tagged).toMatchObject({ httpStatusCode: 204 });
    const deleted = await client.sendRequest(
      options('DELETE', '/v1.0/{project_id}/kms/{key_id}/tags/{key}', {
        pathParams: { key_id: AES, key: 'sdk' },
      }),
    );
    expect(deleted).toMatchObject({ httpStatusCode: 204 });
    const quotas = await client.sendRequest(options('GET', '/v1.0/{project_id}/kms/user-quotas'));
    expect(quotas).toMatchObject({ httpStatusCode: 200, quotas: { resources: expect.any(Array) } });
  });
});
