/**
 * The official Huawei Cloud Node.js SDK's own client (ClientBuilder + HcClient of
 * @huaweicloud/huaweicloud-sdk-core: AK/SK credentials, signing, HTTP transport), pointed at the
 * local KMS with an endpoint override, sends the requests its generated KmsClient sends and
 * reads the answers, exactly as against the cloud.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOCAL_KMS_DEFAULTS } from '../../src/shared/local-kms-defaults';
import { removeDir, startKms, tempDir, writeSeed, type RunningKms } from './helpers';

const require = createRequire(import.meta.url);

interface HcClient {
  sendRequest(options: object): Promise<Record<string, unknown>>;
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

const AES = '1a2b3c4d-0000-4000-8000-000000003001';
const SM2 = '1a2b3c4d-0000-4000-8000-000000003002';

let dir: string;
let kms: RunningKms;
let client: HcClient;

beforeAll(async () => {
  dir = await tempDir();
  const seed = await writeSeed(dir, [
    { key_id: AES, key_alias: 'sdk/aes', key_spec: 'AES_256' },
    { key_id: SM2, key_alias: 'sdk/sm2', key_spec: 'SM2' },
  ]);
  kms = await startKms(join(dir, 'data'), { seedFile: seed });
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

afterAll(async () => {
  await kms.close();
  await removeDir(dir);
});

/** The options object the generated KmsClient builds for a body operation. */
function operation(name: string, body: object) {
  return {
    method: 'POST',
    url: `/v1.0/{project_id}/kms/${name}`,
    contentType: 'application/json;charset=UTF-8',
    queryParams: {},
    pathParams: {},
    headers: { 'Content-Type': 'application/json;charset=UTF-8' },
    data: body,
    responseHeaders: [''],
  };
}

it('lists, encrypts and decrypts through the SDK client (AES and SM2)', async () => {
  const listed = await client.sendRequest(operation('list-keys', { key_spec: 'ALL' }));
  expect(listed).toMatchObject({ keys: [AES, SM2], total: 2, httpStatusCode: 200 });

  const encrypted = await client.sendRequest(
    operation('encrypt-data', {
      key_id: AES,
      plain_text: 'through the SDK',
      encryption_context: { app: 'sdk' },
    }),
  );
  const decrypted = await client.sendRequest(
    operation('decrypt-data', {
      cipher_text: encrypted.cipher_text,
      encryption_context: { app: 'sdk' },
    }),
  );
  expect(decrypted).toMatchObject({ key_id: AES, plain_text: 'through the SDK' });

  const sm2 = await client.sendRequest(
    operation('encrypt-data', {
      key_id: SM2,
      plain_text: 'sm2 sdk',
      encryption_algorithm: 'SM2_ENCRYPT',
    }),
  );
  const sm2Plain = await client.sendRequest(
    operation('decrypt-data', {
      cipher_text: sm2.cipher_text,
      key_id: SM2,
      encryption_algorithm: 'SM2_ENCRYPT',
    }),
  );
  expect(sm2Plain.plain_text).toBe('sm2 sdk');

  const publicKey = await client.sendRequest(operation('get-publickey', { key_id: SM2 }));
  expect(publicKey.public_key).toMatch(/^-----BEGIN PUBLIC KEY-----/);
});
