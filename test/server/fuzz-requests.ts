/**
 * Generated malformed requests for the console server, from a seeded PRNG so a failure can be
 * replayed: broken JSON, wrong types, huge and odd Unicode strings, prototype keys, wrong
 * content types, odd methods and paths.
 */
import { CONSOLE_OPERATIONS } from '../../src/shared/kms';

/** mulberry32: small, fast, and good enough to pick test cases. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const KEY_ID = '5c1a7e2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const FIELDS = [
  'key_id',
  'plain_text',
  'cipher_text',
  'encryption_algorithm',
  'encryption_context',
  'sequence',
  'limit',
  'marker',
  'key_state',
  'key_spec',
  'additional_authenticated_data',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  '\u0000',
  'plain_text ',
];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800', // lone surrogate
  '\udfff\ud800',
  '😀'.repeat(1500), // 6000 bytes
  '世'.repeat(1366), // 4098 bytes
  'a'.repeat(4097),
  '\u202e\u202d', // bidi overrides
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '%00%ff',
  'NaN',
  '1e309',
  '-0',
  KEY_ID.toUpperCase(),
  `${KEY_ID} `,
  'SYMMETRIC_DEFAULT\n',
  'A'.repeat(5649),
];
const METHODS = [
  'POST',
  'POST',
  'POST',
  'POST',
  'GET',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'HEAD',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/JSON',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'application/json, text/plain',
  '',
  ';;;',
  'application/octet-stream',
];

export class FuzzGenerator {
  constructor(private readonly random: () => number) {}

  request(): FuzzRequest {
    const method = this.pick(METHODS);
    const headers: Record<string, string> = {};
    const contentType = this.pick(CONTENT_TYPES);
    if (contentType !== '') headers['content-type'] = contentType;
    if (this.chance(0.05)) headers.origin = this.pick(['https://evil.example', 'null', 'file://']);
    if (this.chance(0.05))
      headers['x-auth-token'] = this.pick(['', 'MII\u00e9 x', 'x'.repeat(9000)]);
    if (this.chance(0.03))
      headers.cookie = `kms_console_session=${this.pick(['', 'v1.x.1.y', '%ff%00', 'a'.repeat(500), 'v1..99999999999.'])}`;
    const request: FuzzRequest = { method, path: this.path(), headers };
    if (method !== 'GET' && method !== 'HEAD') request.body = this.body();
    return request;
  }

  private path(): string {
    const roll = this.random();
    if (roll < 0.7) return `/api/kms/${this.pick([...CONSOLE_OPERATIONS])}`;
    if (roll < 0.8) {
      return `/api/kms/${this.pick(['create-key', 'schedule-key-deletion', 'x'.repeat(300), '%2e%2e%2f', '%00', 'encrypt-data%20', 'ENCRYPT-DATA'])}`;
    }
    if (roll < 0.88) return this.pick(['/api/session', '/api/config', '/healthz']);
    return this.pick([
      '/api/',
      '/api/kms',
      '/api/kms/',
      '/api//kms//encrypt-data',
      '/api/kms/encrypt-data?x=1&x=2',
      '/api/kms/encrypt-data/../list-keys',
      '/api/%ff',
      '/api/kms/encrypt-data#frag',
      `/api/${'a/'.repeat(200)}`,
    ]);
  }

  private body(): string {
    const roll = this.random();
    if (roll < 0.25) return this.brokenJson();
    if (roll < 0.35) return JSON.stringify(this.value(3));
    if (roll < 0.4) return this.hugeBody();
    return JSON.stringify(this.object());
  }

  /** A KMS-looking object with something wrong in it. */
  private object(): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    const count = 1 + Math.floor(this.random() * 5);
    for (let i = 0; i < count; i += 1) {
      object[this.pick(FIELDS)] = this.chance(0.5) ? this.pick(ODD_STRINGS) : this.value(2);
    }
    if (this.chance(0.3)) {
      // A nearly valid body with one field of the wrong type.
      object.key_id = this.chance(0.5) ? KEY_ID : 42;
      object.plain_text = this.chance(0.5) ? ['hello'] : { text: 'hello' };
    }
    if (this.chance(0.1)) {
      // A prototype key, spelled as JSON.stringify would never write it.
      return JSON.parse(
        `{"encryption_context":{"__proto__":{"isAdmin":true}},"key_id":"${KEY_ID}","plain_text":"x"}`,
      ) as Record<string, unknown>;
    }
    return object;
  }

  private value(depth: number): unknown {
    const roll = this.random();
    if (depth <= 0 || roll < 0.2) return this.pick(ODD_STRINGS);
    if (roll < 0.3) return Math.floor(this.random() * 2 ** 53) * (this.chance(0.5) ? -1 : 1);
    if (roll < 0.35) return this.random();
    if (roll < 0.45) return this.chance(0.5);
    if (roll < 0.5) return null;
    if (roll < 0.7)
      return Array.from({ length: Math.floor(this.random() * 4) }, () => this.value(depth - 1));
    const object: Record<string, unknown> = {};
    for (let i = 0; i < 3; i += 1) object[this.pick(FIELDS)] = this.value(depth - 1);
    return object;
  }

  private brokenJson(): string {
    const valid = JSON.stringify({ key_id: KEY_ID, plain_text: 'hello world' });
    return this.pick([
      '',
      ' ',
      '{',
      '}',
      '[',
      'null',
      'true',
      '0',
      '"string"',
      '[]',
      "{'key_id': 'x'}",
      '{"key_id": "x",}',
      '{"key_id": undefined}',
      '{"key_id": NaN}',
      '\ufeff{}',
      '{"a":1}{"b":2}',
      valid.slice(0, Math.floor(this.random() * valid.length)),
      `${valid}garbage`,
      valid.replace(':', '='),
      '{"key_id":"\\ud800"}',
      '{"key_id":"\\u0000"}',
      '{"plain_text":"\\x41"}',
      '['.repeat(5000) + ']'.repeat(5000),
      '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
      Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x7b]).toString('latin1'),
    ]);
  }

  private hugeBody(): string {
    const size = this.pick([65 * 1024, 128 * 1024, 512 * 1024]);
    return JSON.stringify({ key_id: KEY_ID, plain_text: 'x'.repeat(size) });
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }
}
