/**
 * Text that is not valid Unicode is refused, never changed (issue 10, item 4): a lone surrogate
 * (`"a\ud800b"` in JSON) or raw bytes that are not UTF-8 (`a\xFFb`) would be replaced by U+FFFD
 * somewhere on the way and decrypt to a different plaintext. Both servers refuse them with
 * 400 KMS.0202 before anything is encrypted or forwarded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import { PROJECT_ID, removeDir, startKms, TOKEN, type RunningKms } from '../kms-local/helpers';
import {
  fakeCloudUpstream,
  startConsole,
  tempDir,
  testConfig,
  type RunningConsole,
} from './helpers';
import { errorCodeOfRaw, rawRequest, type RawAnswer } from './raw-http';

let cloud: FakeCloud;
let server: RunningConsole;

beforeAll(async () => {
  cloud = await startFakeCloud();
  server = await startConsole(testConfig(fakeCloudUpstream(cloud)));
});

afterAll(async () => {
  await server.close();
  await cloud.stop();
});

/** `{"key_id": keyId, "plain_text": "<plainTextJson>"}` as raw bytes. */
function encryptBody(plainTextJson: Buffer | string, keyId: string = FAKE_KEYS.enabled): Buffer {
  return Buffer.concat([
    Buffer.from(`{"key_id":"${keyId}","plain_text":"`),
    Buffer.isBuffer(plainTextJson) ? plainTextJson : Buffer.from(plainTextJson),
    Buffer.from('"}'),
  ]);
}

const viaConsole = (operation: string, body: Buffer) =>
  rawRequest(`${server.url}/api/kms/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

/** plain_text values as they appear between the quotes of the JSON body. */
const NOT_UNICODE: Array<[string, Buffer]> = [
  ['lone high surrogate escape', Buffer.from('a\\ud800b')],
  ['lone low surrogate escape', Buffer.from('a\\udfffb')],
  ['reversed pair escape', Buffer.from('\\udfff\\ud800')],
  ['raw byte 0xFF', Buffer.from([0x61, 0xff, 0x62])],
  ['surrogate encoded as UTF-8 bytes (CESU)', Buffer.from([0x61, 0xed, 0xa0, 0x80])],
  ['truncated sequence', Buffer.from([0x61, 0xe4, 0xb8])],
  ['overlong encoding', Buffer.from([0xc0, 0xaf])],
];

function expectRefused(answer: RawAnswer, name: string) {
  expect({ name, status: answer.status, code: errorCodeOfRaw(answer) }).toEqual({
    name,
    status: 400,
    code: 'KMS.0202',
  });
  expect(answer.text).not.toContain('\ufffd');
}

describe('console server', () => {
  it('refuses plaintext that is not valid Unicode with 400 KMS.0202, forwarding nothing', async () => {
    const before = cloud.kmsRequestCount;
    for (const [name, plainText] of NOT_UNICODE) {
      expectRefused(await viaConsole('encrypt-data', encryptBody(plainText)), name);
    }
    expect(cloud.kmsRequestCount).toBe(before);
  });

  it('refuses invalid bytes in any field, not only plain_text', async () => {
    const body = Buffer.concat([
      Buffer.from(`{"key_id":"${FAKE_KEYS.enabled}","plain_text":"x","encryption_context":{"k":"`),
      Buffer.from([0xff]),
      Buffer.from('"}}'),
    ]);
    expectRefused(await viaConsole('encrypt-data', body), 'context byte');
  });

  it('keeps valid text exactly, astral characters and escaped pairs included', async () => {
    for (const text of ['a😀b', '世界', 'tab\there', '\u{10FFFF}']) {
      const encrypted = await viaConsole(
        'encrypt-data',
        Buffer.from(JSON.stringify({ key_id: FAKE_KEYS.enabled, plain_text: text })),
      );
      expect(encrypted.status).toBe(200);
      const { cipher_text: cipherText } = encrypted.body as { cipher_text: string };
      const decrypted = await viaConsole(
        'decrypt-data',
        Buffer.from(JSON.stringify({ cipher_text: cipherText })),
      );
      expect((decrypted.body as { plain_text: string }).plain_text).toBe(text);
    }
    // A surrogate pair written as two escapes is one valid character.
    const pair = await viaConsole('encrypt-data', encryptBody('\\ud83d\\ude00'));
    expect(pair.status).toBe(200);
  });
});

describe('local KMS', () => {
  let dataDir: string;
  let kms: RunningKms;
  /** An enabled AES_256 key, found among the demo keys the local KMS seeds. */
  let aesKey: string;

  beforeAll(async () => {
    dataDir = tempDir('local-kms-unicode-');
    kms = await startKms(dataDir);
    const listed = await kms.call('list-keys', { key_spec: 'AES_256', key_state: '2' });
    aesKey = (listed.body.key_details as Array<{ key_id: string }>)[0]!.key_id;
  });

  afterAll(async () => {
    await kms?.close();
    await removeDir(dataDir);
  });

  it('refuses plaintext that is not valid Unicode with 400 KMS.0202', async () => {
    for (const [name, plainText] of NOT_UNICODE) {
      const answer = await rawRequest(`${kms.url}/v1.0/${PROJECT_ID}/kms/encrypt-data`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-auth-token': TOKEN },
        body: encryptBody(plainText, aesKey),
      });
      expectRefused(answer, name);
    }
  });
});
