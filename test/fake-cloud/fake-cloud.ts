/**
 * A faithful stand-in for Huawei Cloud, over real HTTP: IAM issues and expires tokens, KMS
 * checks AK/SK signatures (with the official SDK signer) and tokens, and encrypts for real
 * with AES-256-GCM. Tests can stop it, slow it past a timeout, or make it answer garbage.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerDataKeyOperation, isDataKeyOperation } from './datakeys';
import { verifyWithOfficialSigner } from './official-signer';

/** The specs the fake cloud can hold. Only AES_256 keys work; the others exist to be refused. */
export type FakeKeySpec = 'AES_256' | 'RSA_2048' | 'EC_P256' | 'HMAC_256';
export type FakeKeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC';
/** Enabled, disabled, pending deletion. */
export type FakeKeyState = '2' | '3' | '4';

export interface FakeKey {
  keyId: string;
  alias: string;
  material: Buffer;
  state: FakeKeyState;
  spec: FakeKeySpec;
  usage: FakeKeyUsage;
}

export interface FakeCloudOptions {
  projectId?: string;
  accessKey?: string;
  secretKey?: string;
  iamDomain?: string;
  iamUser?: string;
  iamPassword?: string;
  /** Lifetime of issued tokens (IAM's is 24 h); tests use short ones to see renewals. */
  tokenLifetimeMs?: number;
  /** How long IAM takes to answer: widens the window in which callers could pile up. */
  iamDelayMs?: number;
}

export type Fault =
  | { kind: 'none' }
  /** KMS answers only after this long. */
  | { kind: 'delay'; ms: number }
  /** KMS answers 200 with an HTML page, as a misconfigured proxy would. */
  | { kind: 'garbage' }
  /** KMS answers a JSON error that is not in any KMS shape. */
  | { kind: 'foreign-error' };

export interface RecordedKmsRequest {
  operation: string;
  auth: 'aksk' | 'token' | 'none';
  accepted: boolean;
  /** The Authorization header that arrived, and the one the official signer computes. */
  authorization?: string;
  officialAuthorization?: string;
  xAuthToken?: string;
  reason?: string;
  body: string;
}

interface IssuedToken {
  projectId: string;
  issuedAt: number;
  expiresAt: number;
}

export const FAKE_PROJECT_ID = '7f3e6b1c2d4a4e5f8a9b0c1d2e3f4a5b';
export const FAKE_DOMAIN_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
/** The IAM user every issued token belongs to. */
export const FAKE_USER_ID = '0c5f1e2d3b4a49687f8e9d0c1b2a3948';
export const FAKE_KEYS = {
  enabled: '5c1a7e2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d',
  disabled: '6d2b8f3c-4e5a-4b7c-9d0e-1f2a3b4c5d6e',
} as const;

const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const MAGIC = Buffer.from('FAKE');

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function canonicalContext(context: unknown): Buffer {
  if (typeof context !== 'object' || context === null) return Buffer.alloc(0);
  const entries = Object.entries(context as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return Buffer.from(JSON.stringify(Object.fromEntries(entries)));
}

function parseSdkDate(text: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

export class FakeCloud {
  readonly projectId: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly iam: { domain: string; user: string; password: string };
  readonly keys = new Map<string, FakeKey>();
  readonly kmsRequests: RecordedKmsRequest[] = [];
  iamTokenRequests = 0;
  /** IAM requests answered (after `iamDelayMs`): the difference is what is still pending. */
  iamTokenAnswers = 0;
  /** GET /v3/auth/tokens calls: who-is-this-token look-ups. */
  iamTokenInspections = 0;
  tokenLifetimeMs: number;
  iamDelayMs: number;
  fault: Fault = { kind: 'none' };

  private readonly tokens = new Map<string, IssuedToken>();
  private server: http.Server | undefined;
  private port = 0;

  constructor(options: FakeCloudOptions = {}) {
    this.projectId = options.projectId ?? FAKE_PROJECT_ID;
    this.accessKey = options.accessKey ?? 'FAKECLOUDACCESSKEY01';
    this.secretKey = options.secretKey ?? 'fakeCloudSecretKeyForTestsOnly0000000000';
    this.iam = {
      domain: options.iamDomain ?? 'example-domain',
      user: options.iamUser ?? 'kms-operator',
      password: options.iamPassword ?? 'Fake-IAM-Passw0rd!',
    };
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? 24 * 60 * 60 * 1000;
    this.iamDelayMs = options.iamDelayMs ?? 0;
    this.addKey(FAKE_KEYS.enabled, 'fake/aes-256', '2');
    this.addKey(FAKE_KEYS.disabled, 'fake/aes-256-disabled', '3');
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get kmsRequestCount(): number {
    return this.kmsRequests.length;
  }

  addKey(
    keyId: string,
    alias: string,
    state: FakeKeyState,
    kind: { spec?: FakeKeySpec; usage?: FakeKeyUsage } = {},
  ): void {
    const spec = kind.spec ?? 'AES_256';
    const usage =
      kind.usage ??
      (spec === 'HMAC_256'
        ? 'GENERATE_VERIFY_MAC'
        : spec === 'EC_P256'
          ? 'SIGN_VERIFY'
          : 'ENCRYPT_DECRYPT');
    this.keys.set(keyId, { keyId, alias, material: randomBytes(32), state, spec, usage });
  }

  /** Listens on a free loopback port (or the one it had, when restarted after `stop`). */
  async start(): Promise<string> {
    const server = http.createServer((request, response) => {
      this.handle(request, response).catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this.baseUrl;
  }

  /** Closes the port and every connection: the cloud is unreachable until `start`. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Every token issued so far stops working, as after a password change. */
  revokeAllTokens(): void {
    this.tokens.clear();
  }

  issueToken(projectId = this.projectId, lifetimeMs = this.tokenLifetimeMs): string {
    const token = `MIIfake${randomBytes(48).toString('base64url')}`;
    const issuedAt = Date.now();
    this.tokens.set(token, { projectId, issuedAt, expiresAt: issuedAt + lifetimeMs });
    return token;
  }

  /** The token if it was issued and has not expired. */
  private liveToken(token: unknown): IssuedToken | undefined {
    if (typeof token !== 'string') return undefined;
    const issued = this.tokens.get(token);
    return issued && issued.expiresAt > Date.now() ? issued : undefined;
  }

  // ---- HTTP -----------------------------------------------------------------------------

  private async handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://fake');

    if (request.method === 'POST' && url.pathname === '/v3/auth/tokens') {
      return this.handleIam(body, response);
    }
    if (request.method === 'GET' && url.pathname === '/v3/auth/tokens') {
      return this.handleTokenInspection(request, response);
    }
    const kms = /^\/v1\.0\/([^/]+)\/kms\/([a-z-]+)$/.exec(url.pathname);
    if (request.method === 'POST' && kms) {
      return this.handleKms(request, kms[1]!, kms[2]!, body, response);
    }
    return json(response, 404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist.' });
  }

  private async handleIam(body: string, response: http.ServerResponse) {
    this.iamTokenRequests += 1;
    if (this.iamDelayMs > 0) await sleep(this.iamDelayMs);
    this.iamTokenAnswers += 1;
    let request: unknown;
    try {
      request = JSON.parse(body);
    } catch {
      return json(response, 400, {
        error: { code: 400, message: 'Invalid JSON.', title: 'Bad Request' },
      });
    }
    const auth = (request as { auth?: Record<string, unknown> }).auth ?? {};
    const identity = auth.identity as
      { methods?: string[]; password?: { user?: Record<string, unknown> } } | undefined;
    const user = identity?.password?.user;
    const domain = user?.domain as { name?: string } | undefined;
    const scope = auth.scope as { project?: { id?: string; name?: string } } | undefined;
    const credentialsOk =
      identity?.methods?.includes('password') === true &&
      user?.name === this.iam.user &&
      user?.password === this.iam.password &&
      domain?.name === this.iam.domain;
    if (!credentialsOk) {
      return json(response, 401, {
        error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' },
      });
    }
    if (scope?.project?.id !== this.projectId) {
      return json(response, 400, {
        error: { code: 400, message: 'Invalid project scope.', title: 'Bad Request' },
      });
    }
    const issuedAt = new Date();
    const token = this.issueToken();
    const expiresAt = new Date(issuedAt.getTime() + this.tokenLifetimeMs);
    response.setHeader('x-subject-token', token);
    return json(response, 201, {
      token: {
        methods: ['password'],
        issued_at: issuedAt.toISOString(),
        expires_at: expiresAt.toISOString(),
        project: { id: this.projectId, name: 'cn-north-4' },
        user: {
          id: FAKE_USER_ID,
          name: this.iam.user,
          domain: { name: this.iam.domain, id: FAKE_DOMAIN_ID },
        },
      },
    });
  }

  /**
   * IAM's "validate a token": the caller's X-Auth-Token must be live; X-Subject-Token names
   * the token to describe. Every issued token belongs to the configured IAM user.
   */
  private handleTokenInspection(request: http.IncomingMessage, response: http.ServerResponse) {
    this.iamTokenInspections += 1;
    if (!this.liveToken(request.headers['x-auth-token'])) {
      return json(response, 401, {
        error: {
          code: 401,
          message: 'The request you have made requires authentication.',
          title: 'Unauthorized',
        },
      });
    }
    const subjectToken = request.headers['x-subject-token'];
    if (typeof subjectToken !== 'string' || subjectToken === '') {
      return json(response, 400, {
        error: { code: 400, message: 'X-Subject-Token is missing.', title: 'Bad Request' },
      });
    }
    const subject = this.liveToken(subjectToken);
    if (!subject) {
      return json(response, 404, {
        error: {
          code: 404,
          message: 'The token does not exist or has expired.',
          title: 'Not Found',
        },
      });
    }
    response.setHeader('x-subject-token', subjectToken);
    const domain = { id: FAKE_DOMAIN_ID, name: this.iam.domain };
    return json(response, 200, {
      token: {
        methods: ['password'],
        issued_at: new Date(subject.issuedAt).toISOString(),
        expires_at: new Date(subject.expiresAt).toISOString(),
        project: { id: subject.projectId, name: 'cn-north-4', domain },
        user: { id: FAKE_USER_ID, name: this.iam.user, domain, password_expires_at: '' },
      },
    });
  }

  private async handleKms(
    request: http.IncomingMessage,
    projectId: string,
    operation: string,
    body: string,
    response: http.ServerResponse,
  ) {
    const record: RecordedKmsRequest = { operation, auth: 'none', accepted: false, body };
    this.kmsRequests.push(record);

    const fault = this.fault;
    if (fault.kind === 'delay') await sleep(fault.ms);
    if (fault.kind === 'garbage') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }
    if (fault.kind === 'foreign-error') {
      return json(response, 503, { message: 'upstream overloaded', retry: true });
    }

    const refusal = this.authenticate(request, projectId, body, record);
    if (refusal) return json(response, refusal.status, refusal.body);
    record.accepted = true;

    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return kmsError(response, 400, 'KMS.0202', 'Invalid JSON.');
    }
    if (isDataKeyOperation(operation)) {
      const answer = answerDataKeyOperation(operation, parsed, this.keys);
      return json(response, answer.status, answer.body);
    }
    switch (operation) {
      case 'encrypt-data':
        return this.encrypt(parsed, response);
      case 'decrypt-data':
        return this.decrypt(parsed, response);
      case 'list-keys':
        return json(response, 200, {
          keys: [...this.keys.keys()],
          key_details: [...this.keys.values()].map((key) => this.details(key)),
          next_marker: '',
          truncated: 'false',
          total: this.keys.size,
        });
      case 'describe-key': {
        const key = this.keys.get(String(parsed.key_id));
        if (!key) return kmsError(response, 404, 'KMS.0207', 'The key does not exist.');
        return json(response, 200, { key_info: this.details(key) });
      }
      default:
        return kmsError(response, 400, 'KMS.0201', 'Invalid request URL.');
    }
  }

  /** Null when the caller may proceed; otherwise the refusal to send. */
  private authenticate(
    request: http.IncomingMessage,
    projectId: string,
    body: string,
    record: RecordedKmsRequest,
  ): { status: number; body: object } | null {
    const token = request.headers['x-auth-token'];
    if (typeof token === 'string') {
      record.auth = 'token';
      record.xAuthToken = token;
      const issued = this.tokens.get(token);
      if (!issued) return kmsErrorBody(403, 'KMS.0302', 'X-Auth-Token is invalid.');
      if (issued.expiresAt <= Date.now()) {
        return kmsErrorBody(403, 'KMS.0303', 'X-Auth-Token has expired.');
      }
      if (issued.projectId !== projectId) {
        return kmsErrorBody(403, 'KMS.0321', 'The project does not match the token.');
      }
      return null;
    }
    if (typeof request.headers.authorization === 'string') {
      record.auth = 'aksk';
      record.authorization = request.headers.authorization;
      const apigw = (message: string) => ({
        status: 401,
        body: { error_msg: message, error_code: 'APIGW.0301', request_id: randomUUID() },
      });
      const sdkDate = request.headers['x-sdk-date'];
      if (
        typeof sdkDate !== 'string' ||
        !(Math.abs(Date.now() - parseSdkDate(sdkDate)) <= MAX_CLOCK_SKEW_MS)
      ) {
        return apigw('Incorrect IAM authentication information: x-sdk-date is out of range.');
      }
      const verdict = verifyWithOfficialSigner(
        {
          method: request.method ?? 'POST',
          url: request.url ?? '/',
          headers: request.headers,
          body,
        },
        (accessKey) => (accessKey === this.accessKey ? this.secretKey : undefined),
      );
      if (verdict.authorization !== undefined) {
        record.officialAuthorization = verdict.authorization;
      }
      if (!verdict.ok) {
        record.reason = verdict.reason;
        return apigw(`Incorrect IAM authentication information: ${verdict.reason}.`);
      }
      if (request.headers['x-project-id'] !== projectId) {
        return kmsErrorBody(403, 'KMS.0321', 'X-Project-Id does not match the URL.');
      }
      return null;
    }
    return kmsErrorBody(403, 'KMS.0301', 'X-Auth-Token is missing or null.');
  }

  private encrypt(request: Record<string, unknown>, response: http.ServerResponse) {
    const key = this.keys.get(String(request.key_id));
    if (!key) return kmsError(response, 404, 'KMS.0207', 'The key does not exist.');
    if (key.state !== '2') return kmsError(response, 400, 'KMS.0209', 'The key is disabled.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.material, iv);
    cipher.setAAD(canonicalContext(request.encryption_context));
    const sealed = Buffer.concat([
      cipher.update(String(request.plain_text), 'utf8'),
      cipher.final(),
    ]);
    // Like the cloud's: a header naming the key (padded to a realistic size), then the data.
    const envelope = Buffer.concat([
      MAGIC,
      Buffer.from(key.keyId),
      Buffer.alloc(32),
      iv,
      cipher.getAuthTag(),
      sealed,
    ]);
    return json(response, 200, { key_id: key.keyId, cipher_text: envelope.toString('base64') });
  }

  private decrypt(request: Record<string, unknown>, response: http.ServerResponse) {
    const envelope = Buffer.from(String(request.cipher_text), 'base64');
    const keyId = envelope.subarray(4, 40).toString();
    const key = this.keys.get(keyId);
    if (!envelope.subarray(0, 4).equals(MAGIC) || !key) {
      return kmsError(response, 400, 'KMS.2201', 'Invalid cipher_text.');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.material, envelope.subarray(72, 84));
      decipher.setAuthTag(envelope.subarray(84, 100));
      decipher.setAAD(canonicalContext(request.encryption_context));
      const plain = Buffer.concat([decipher.update(envelope.subarray(100)), decipher.final()]);
      return json(response, 200, {
        key_id: key.keyId,
        plain_text: plain.toString('utf8'),
        plain_text_base64: plain.toString('base64'),
      });
    } catch {
      return kmsError(response, 400, 'KMS.2201', 'Invalid cipher_text.');
    }
  }

  private details(key: FakeKey) {
    return {
      key_id: key.keyId,
      domain_id: FAKE_DOMAIN_ID,
      key_alias: key.alias,
      realm: 'cn-north-4',
      key_spec: key.spec,
      key_usage: key.usage,
      key_description: '',
      creation_date: '1700000000000',
      scheduled_deletion_date: '',
      key_state: key.state,
      default_key_flag: '0',
      key_type: key.spec === 'AES_256' || key.spec === 'HMAC_256' ? '1' : '2',
      expiration_time: '',
      origin: 'kms',
      key_rotation_enabled: 'false',
    };
  }
}

function json(response: http.ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
  response.end(JSON.stringify(body));
}

function kmsErrorBody(status: number, code: string, message: string) {
  return { status, body: { error: { error_code: code, error_msg: message } } };
}

function kmsError(response: http.ServerResponse, status: number, code: string, message: string) {
  const { body } = kmsErrorBody(status, code, message);
  json(response, status, body);
}

/** Starts a fake cloud on a free loopback port. */
export async function startFakeCloud(options: FakeCloudOptions = {}): Promise<FakeCloud> {
  const cloud = new FakeCloud(options);
  await cloud.start();
  return cloud;
}
