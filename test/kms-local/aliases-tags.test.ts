/**
 * Names and tags over real HTTP (KMS-API-2.md §4, §5): the alias API (201, top-level array,
 * 204), update-key-alias/-description, key tags (204), project tags, resource_instances.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startKms, tempDir, writeSeed, type RunningKms } from './helpers';
import { errorCodeOf, expectFieldTypes, expectKeyDetails, kmsPath, send } from './rest-helpers';

const KEY_A = '1a2b3c4d-0000-4000-8000-00000000a001';
const KEY_B = '1a2b3c4d-0000-4000-8000-00000000a002';
const KEY_C = '1a2b3c4d-0000-4000-8000-00000000a003';
const PENDING = '1a2b3c4d-0000-4000-8000-00000000a004';
const UNKNOWN = '1a2b3c4d-0000-4000-8000-00000000afff';

let dir: string;
let kms: RunningKms;
const rest = (method: string, rest: string, body?: unknown) =>
  send(kms.url, method, kmsPath(rest), body);

beforeAll(async () => {
  dir = await tempDir();
  const seed = await writeSeed(dir, [
    { key_id: KEY_A, key_alias: 'names/a', key_spec: 'AES_256' },
    { key_id: KEY_B, key_alias: 'names/b', key_spec: 'SM4' },
    { key_id: KEY_C, key_alias: 'names/c-rsa', key_spec: 'RSA_2048' },
    { key_id: PENDING, key_alias: 'names/pending', key_spec: 'AES_256', key_state: '4' },
  ]);
  kms = await startKms(join(dir, 'data'), { seedFile: seed });
});

afterAll(async () => {
  await kms.close();
  await removeDir(dir);
});

describe('the alias API', () => {
  it('creates an alias with 201 and answers the AliasEntity as strings', async () => {
    const created = await rest('POST', 'aliases', { key_id: KEY_A, alias: 'kms-1234' });
    expect(created.status).toBe(201);
    expectFieldTypes(created.body, {
      domain_id: 'string',
      key_id: 'string',
      alias: 'string',
      alias_urn: 'string',
      create_time: 'string',
      update_time: 'string',
    });
    const entity = created.body as Record<string, string>;
    expect(entity).toMatchObject({ key_id: KEY_A, alias: 'kms-1234' });
    expect(entity.alias_urn).toBe(`kms:local:${entity.domain_id}:alias:kms-1234`);
    expect(entity.create_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('refuses a taken alias (KMS.1104), a bad one (KMS.1101) and an unknown key (KMS.0207)', async () => {
    await rest('POST', 'aliases', { key_id: KEY_A, alias: 'kms-taken' });
    const taken = await rest('POST', 'aliases', { key_id: KEY_B, alias: 'kms-taken' });
    expect([taken.status, errorCodeOf(taken)]).toEqual([400, 'KMS.1104']);
    for (const alias of ['has space', '', 'x'.repeat(256), 'a/default', 42]) {
      const bad = await rest('POST', 'aliases', { key_id: KEY_A, alias });
      expect([bad.status, errorCodeOf(bad)]).toEqual([400, 'KMS.1101']);
    }
    const unknown = await rest('POST', 'aliases', { key_id: UNKNOWN, alias: 'kms-nokey' });
    expect([unknown.status, errorCodeOf(unknown)]).toEqual([404, 'KMS.0207']);
    const pending = await rest('POST', 'aliases', { key_id: PENDING, alias: 'kms-pending' });
    expect([pending.status, errorCodeOf(pending)]).toEqual([400, 'KMS.0210']);
  });

  it('lists aliases as a top-level array of pages, by key and page by page', async () => {
    for (const alias of ['page-1', 'page-2', 'page-3']) {
      expect((await rest('POST', 'aliases', { key_id: KEY_B, alias })).status).toBe(201);
    }
    const byKey = await rest('GET', `aliases?key_id=${KEY_B}`);
    expect(byKey.status).toBe(200);
    expect(Array.isArray(byKey.body)).toBe(true);
    const [page] = byKey.body as [{ aliases: { alias: string }[]; page_info: unknown }];
    expect(page.aliases.map((entry) => entry.alias)).toEqual(['page-1', 'page-2', 'page-3']);
    expectFieldTypes(page.page_info, { next_marker: 'string', current_count: 'integer' });

    const first = await rest('GET', `aliases?key_id=${KEY_B}&limit=2`);
    const [firstPage] = first.body as [{ aliases: { alias: string }[]; page_info: never }];
    expect(firstPage.aliases.map((entry) => entry.alias)).toEqual(['page-1', 'page-2']);
    expect(firstPage.page_info).toEqual({ next_marker: 'page-2', current_count: 2 });
    const second = await rest('GET', `aliases?key_id=${KEY_B}&limit=2&marker=page-2`);
    const [secondPage] = second.body as [{ aliases: { alias: string }[]; page_info: never }];
    expect(secondPage.aliases.map((entry) => entry.alias)).toEqual(['page-3']);
    expect(secondPage.page_info).toEqual({ next_marker: '', current_count: 1 });

    const badLimit = await rest('GET', 'aliases?limit=0');
    expect([badLimit.status, errorCodeOf(badLimit)]).toEqual([400, 'KMS.1601']);
    const unknownParameter = await rest('GET', 'aliases?colour=red');
    expect([unknownParameter.status, errorCodeOf(unknownParameter)]).toEqual([400, 'KMS.0214']);
  });

  it('moves an alias with alias/associate, and deletes aliases with 204 and no body', async () => {
    await rest('POST', 'aliases', { key_id: KEY_A, alias: 'moving' });
    const moved = await rest('POST', 'alias/associate', { alias: 'moving', target_key_id: KEY_B });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ key_id: KEY_B, alias: 'moving' });
    const onB = await rest('GET', `aliases?key_id=${KEY_B}`);
    expect(JSON.stringify(onB.body)).toContain('"moving"');
    const onA = await rest('GET', `aliases?key_id=${KEY_A}`);
    expect(JSON.stringify(onA.body)).not.toContain('"moving"');

    const wrongKey = await rest('DELETE', 'aliases', { key_id: KEY_A, aliases: ['moving'] });
    expect([wrongKey.status, errorCodeOf(wrongKey)]).toEqual([400, 'KMS.0308']);
    const deleted = await rest('DELETE', 'aliases', { key_id: KEY_B, aliases: ['moving'] });
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    const after = await rest('GET', `aliases?key_id=${KEY_B}`);
    expect(JSON.stringify(after.body)).not.toContain('"moving"');
    // Free again: another key may take it.
    expect((await rest('POST', 'aliases', { key_id: KEY_A, alias: 'moving' })).status).toBe(201);

    const unknown = await rest('POST', 'alias/associate', {
      alias: 'nobody',
      target_key_id: KEY_A,
    });
    expect([unknown.status, errorCodeOf(unknown)]).toEqual([400, 'KMS.0308']);
    const missing = await rest('DELETE', 'aliases', { key_id: KEY_A });
    expect([missing.status, errorCodeOf(missing)]).toEqual([400, 'KMS.0204']);
  });

  it('answers 405 KMS.0215 for a method the path does not take', async () => {
    const put = await rest('PUT', 'aliases', { key_id: KEY_A, alias: 'x' });
    expect([put.status, errorCodeOf(put)]).toEqual([405, 'KMS.0215']);
    const getRpc = await rest('GET', 'update-key-alias');
    expect([getRpc.status, errorCodeOf(getRpc)]).toEqual([405, 'KMS.0215']);
  });
});

describe('update-key-alias and update-key-description', () => {
  it('renames a key and frees the old name', async () => {
    const renamed = await kms.call('update-key-alias', {
      key_id: KEY_C,
      key_alias: 'names/c-renamed',
      sequence: '919c82d4-8046-4722-9094-35c3c6524cff',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ key_info: { key_id: KEY_C, key_alias: 'names/c-renamed' } });
    const described = await kms.call('describe-key', { key_id: KEY_C });
    expect((described.body.key_info as { key_alias: string }).key_alias).toBe('names/c-renamed');
    const created = await kms.call('create-key', { key_alias: 'names/c-rsa' });
    expect(created.status).toBe(200);
  });

  it('refuses a taken, invalid or default alias, and a key pending deletion', async () => {
    const taken = await kms.call('update-key-alias', { key_id: KEY_C, key_alias: 'names/a' });
    expect([taken.status, taken.body.error?.error_code]).toEqual([400, 'KMS.1104']);
    for (const key_alias of ['bad alias', 'x/default']) {
      const bad = await kms.call('update-key-alias', { key_id: KEY_C, key_alias });
      expect([bad.status, bad.body.error?.error_code]).toEqual([400, 'KMS.1101']);
    }
    const pending = await kms.call('update-key-alias', { key_id: PENDING, key_alias: 'p2' });
    expect([pending.status, pending.body.error?.error_code]).toEqual([400, 'KMS.0210']);
  });

  it('changes the description, up to 255 characters', async () => {
    const changed = await kms.call('update-key-description', {
      key_id: KEY_A,
      key_description: 'd'.repeat(255),
    });
    expect(changed.body).toEqual({
      key_info: { key_id: KEY_A, key_description: 'd'.repeat(255) },
    });
    const tooLong = await kms.call('update-key-description', {
      key_id: KEY_A,
      key_description: 'd'.repeat(256),
    });
    expect([tooLong.status, tooLong.body.error?.error_code]).toEqual([400, 'KMS.1103']);
    const missing = await kms.call('update-key-description', { key_id: KEY_A });
    expect(missing.body.error?.error_code).toBe('KMS.0204');
  });
});

describe('key tags', () => {
  it('adds (204), replaces, shows and deletes a tag whose key needs URL encoding', async () => {
    const added = await rest('POST', `${KEY_A}/tags`, { tag: { key: 'team a', value: 'one' } });
    expect([added.status, added.text]).toEqual([204, '']);
    await rest('POST', `${KEY_A}/tags`, { tag: { key: 'team a', value: 'two' } });
    await rest('POST', `${KEY_A}/tags`, { tag: { key: '环境' } });
    const shown = await rest('GET', `${KEY_A}/tags`);
    expect(shown.status).toBe(200);
    expectFieldTypes(shown.body, { tags: 'array', existTagsNum: 'integer' });
    expect(shown.body).toEqual({
      tags: [
        { key: 'team a', value: 'two' },
        { key: '环境', value: '' },
      ],
      existTagsNum: 2,
    });
    const deleted = await rest('DELETE', `${KEY_A}/tags/${encodeURIComponent('team a')}`);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    const again = await rest('DELETE', `${KEY_A}/tags/${encodeURIComponent('team a')}`);
    expect([again.status, errorCodeOf(again)]).toEqual([404, 'KMS.0416']);
    await rest('DELETE', `${KEY_A}/tags/${encodeURIComponent('环境')}`);
    expect((await rest('GET', `${KEY_A}/tags`)).body).toEqual({ tags: [], existTagsNum: 0 });
  });

  it('creates and deletes in batches (204), at most 10 tags a key', async () => {
    const tags = Array.from({ length: 10 }, (_, index) => ({
      key: `k${index}`,
      value: `v${index}`,
    }));
    const created = await rest('POST', `${KEY_B}/tags/action`, { action: 'create', tags });
    expect([created.status, created.text]).toEqual([204, '']);
    const eleventh = await rest('POST', `${KEY_B}/tags`, { tag: { key: 'k10', value: 'x' } });
    expect([eleventh.status, errorCodeOf(eleventh)]).toEqual([400, 'KMS.0409']);
    const removed = await rest('POST', `${KEY_B}/tags/action`, {
      action: 'delete',
      tags: tags.slice(0, 8),
    });
    expect(removed.status).toBe(204);
    expect((await rest('GET', `${KEY_B}/tags`)).body).toEqual({
      tags: tags.slice(8),
      existTagsNum: 2,
    });
  });

  it('refuses bad tags, actions and lists with the §9 codes', async () => {
    const cases: [string, unknown, string][] = [
      [`${KEY_A}/tags`, { tag: { key: 'a=b', value: 'x' } }, 'KMS.0406'],
      [`${KEY_A}/tags`, { tag: { key: 'k'.repeat(37), value: 'x' } }, 'KMS.0406'],
      [`${KEY_A}/tags`, { tag: { key: 'ok', value: 'v'.repeat(44) } }, 'KMS.0405'],
      [`${KEY_A}/tags`, { tag: { key: 'ok', value: '<x>' } }, 'KMS.0405'],
      [`${KEY_A}/tags/action`, { action: 'update', tags: [{ key: 'a' }] }, 'KMS.0404'],
      [`${KEY_A}/tags/action`, { action: 'create', tags: [] }, 'KMS.0401'],
      [`${UNKNOWN}/tags`, { tag: { key: 'ok', value: 'x' } }, 'KMS.0207'],
      ['not-a-key/tags', { tag: { key: 'ok', value: 'x' } }, 'KMS.0205'],
    ];
    for (const [path, body, code] of cases) {
      const reply = await rest('POST', path, body);
      expect({ path, body, code: errorCodeOf(reply) }).toEqual({ path, body, code });
    }
    expect(errorCodeOf(await rest('GET', `${UNKNOWN}/tags`))).toBe('KMS.0207');
  });
});

describe('project tags and resource_instances', () => {
  beforeAll(async () => {
    await rest('POST', `${KEY_A}/tags/action`, {
      action: 'create',
      tags: [
        { key: 'env', value: 'prod' },
        { key: 'app', value: 'billing' },
      ],
    });
    await rest('POST', `${KEY_C}/tags/action`, {
      action: 'create',
      tags: [
        { key: 'env', value: 'test' },
        { key: 'app', value: 'billing' },
      ],
    });
  });

  it('lists every tag key with its values', async () => {
    const reply = await rest('GET', 'tags');
    expect(reply.status).toBe(200);
    const tags = (reply.body as { tags: { key: string; values: string[] }[] }).tags;
    const env = tags.find((tag) => tag.key === 'env');
    expect(env?.values.sort()).toEqual(['prod', 'test']);
    expect(tags.find((tag) => tag.key === 'app')?.values).toEqual(['billing']);
  });

  it('filters by tags (values of one key: any; several keys: all) with string paging', async () => {
    const both = await rest('POST', 'resource_instances/action', {
      action: 'filter',
      tags: [{ key: 'app', values: ['billing'] }],
      limit: '10',
      offset: '0',
    });
    expect(both.status).toBe(200);
    expectFieldTypes(both.body, { resources: 'array', total_count: 'integer' });
    const body = both.body as {
      resources: { resource_id: string; resource_detail: unknown; tags: unknown[] }[];
      total_count: number;
    };
    expect(body.resources.map((resource) => resource.resource_id)).toEqual([KEY_A, KEY_C]);
    expect(body.total_count).toBe(2);
    for (const resource of body.resources) {
      expectFieldTypes(resource, {
        resource_id: 'string',
        resource_detail: 'object',
        resource_name: 'string',
        tags: 'array',
      });
      expectKeyDetails(resource.resource_detail);
    }

    const prodBilling = await rest('POST', 'resource_instances/action', {
      action: 'filter',
      tags: [
        { key: 'app', values: ['billing'] },
        { key: 'env', values: ['prod', 'staging'] },
      ],
    });
    expect((prodBilling.body as typeof body).resources.map((r) => r.resource_id)).toEqual([KEY_A]);

    const secondPage = await rest('POST', 'resource_instances/action', {
      action: 'filter',
      tags: [{ key: 'app', values: [] }],
      limit: '1',
      offset: '1',
    });
    expect(secondPage.body).toMatchObject({ total_count: 2, resources: [{ resource_id: KEY_C }] });

    const byName = await rest('POST', 'resource_instances/action', {
      action: 'filter',
      tags: [{ key: 'app', values: ['billing'] }],
      matches: [{ key: 'resource_name', value: 'names/a' }],
    });
    expect(byName.body).toMatchObject({
      total_count: 1,
      resources: [{ resource_name: 'names/a' }],
    });
  });

  it('counts, and refuses a bad action, offset or limit', async () => {
    const counted = await rest('POST', 'resource_instances/action', {
      action: 'count',
      tags: [{ key: 'env', values: ['test'] }],
    });
    expect(counted.body).toEqual({ total_count: 1 });
    const cases: [unknown, string][] = [
      [{ action: 'sum' }, 'KMS.0404'],
      [{ action: 'filter', offset: '-1' }, 'KMS.0417'],
      [{ action: 'filter', limit: '1001' }, 'KMS.1601'],
      [{ action: 'filter', matches: [{ key: 'colour', value: 'x' }] }, 'KMS.0403'],
    ];
    for (const [body, code] of cases) {
      expect(errorCodeOf(await rest('POST', 'resource_instances/action', body))).toBe(code);
    }
  });
});

it('keeps names and tags across a restart (the key files move to format 2)', async () => {
  await kms.close();
  kms = await startKms(join(dir, 'data'));
  expect((await rest('GET', `${KEY_B}/tags`)).body).toMatchObject({ existTagsNum: 2 });
  const aliases = await rest('GET', `aliases?key_id=${KEY_B}`);
  expect(JSON.stringify(aliases.body)).toContain('"page-3"');
  const taken = await rest('POST', 'aliases', { key_id: KEY_A, alias: 'page-3' });
  expect(errorCodeOf(taken)).toBe('KMS.1104');
  const described = await kms.call('describe-key', { key_id: KEY_C });
  expect((described.body.key_info as { key_alias: string }).key_alias).toBe('names/c-renamed');
});
