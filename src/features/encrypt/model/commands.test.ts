import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  curlCommand,
  decryptRequestFor,
  hcloudCommand,
  shellQuote,
  TOKEN_PLACEHOLDER,
  type UpstreamFacts,
} from './commands';

const CIPHER = 'A'.repeat(200);
const KEY = '1a2b3c4d-0000-4000-8000-000000000003';
const LOCAL: UpstreamFacts = {
  upstream: 'local',
  endpoint: 'http://127.0.0.1:8090',
  region: 'local',
  projectId: '0123456789abcdef0123456789abcdef',
};
const CLOUD: UpstreamFacts = {
  upstream: 'cloud',
  endpoint: 'https://kms.cn-north-4.myhuaweicloud.com/',
  region: 'cn-north-4',
  projectId: 'fedcba9876543210fedcba9876543210',
};

describe('decryptRequestFor', () => {
  it('needs only the ciphertext (and context) for symmetric ciphertext', () => {
    const encryption = {
      keyId: KEY,
      algorithm: 'SYMMETRIC_DEFAULT',
      encryptionContext: { dept: 'finance' },
      cipherText: CIPHER,
    } as const;
    expect(decryptRequestFor(encryption)).toEqual({
      cipher_text: CIPHER,
      encryption_context: { dept: 'finance' },
    });
  });

  it('carries key id and algorithm for asymmetric ciphertext', () => {
    expect(
      decryptRequestFor({
        keyId: KEY,
        algorithm: 'RSAES_OAEP_SHA_1',
        encryptionContext: {},
        cipherText: CIPHER,
      }),
    ).toEqual({ cipher_text: CIPHER, key_id: KEY, encryption_algorithm: 'RSAES_OAEP_SHA_1' });
  });
});

describe('shell commands', () => {
  it('quotes anything for a POSIX shell', () => {
    const nasty = `it's "$HOME" \`id\` \\ ; rm -rf /`;
    const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(nasty)}`]).toString();
    expect(echoed).toBe(nasty);
  });

  it('builds a curl call to the KMS endpoint with a token placeholder', () => {
    const body = { cipher_text: CIPHER, encryption_context: { "o'brien": 'x' } };
    const command = curlCommand(CLOUD, body);
    expect(command).toContain(
      "'https://kms.cn-north-4.myhuaweicloud.com/v1.0/fedcba9876543210fedcba9876543210/kms/decrypt-data'",
    );
    expect(command).toContain(`"X-Auth-Token: ${TOKEN_PLACEHOLDER}"`);
    // The shell hands curl exactly the JSON body.
    const dataArgument = command.split('--data-raw ')[1] ?? '';
    const parsed = execFileSync('sh', ['-c', `printf %s ${dataArgument}`]).toString();
    expect(JSON.parse(parsed)).toEqual(body);
  });

  it('builds an hcloud call: region for the cloud, endpoint for the local KMS', () => {
    const body = {
      cipher_text: CIPHER,
      key_id: KEY,
      encryption_algorithm: 'RSAES_OAEP_SHA_256' as const,
    };
    expect(hcloudCommand(CLOUD, body)).toBe(
      [
        'hcloud KMS DecryptData',
        "--cli-region='cn-north-4'",
        "--project_id='fedcba9876543210fedcba9876543210'",
        `--cipher_text='${CIPHER}'`,
        `--key_id='${KEY}'`,
        "--encryption_algorithm='RSAES_OAEP_SHA_256'",
      ].join(' \\\n  '),
    );
    const local = hcloudCommand(LOCAL, { cipher_text: CIPHER, encryption_context: { a: 'b' } });
    expect(local).toContain("--cli-endpoint='http://127.0.0.1:8090'");
    expect(local).toContain("'--encryption_context.a=b'");
    const custom = hcloudCommand(
      { ...CLOUD, endpoint: 'https://kms.example.internal', region: 'unknown' },
      { cipher_text: CIPHER },
    );
    expect(custom).toContain("--cli-endpoint='https://kms.example.internal'");
    expect(custom).not.toContain('--cli-region');
  });
});
