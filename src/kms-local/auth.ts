/**
 * Authentication as the cloud does it: an `X-Auth-Token`, or an `SDK-HMAC-SHA256` signature
 * over the request (AK/SK), then the project id in the path must be the service's own.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { KmsError } from '../shared/kms';
import { verifyRequest } from '../shared/signing/sdk-hmac-sha256';

export interface AuthSettings {
  projectId: string;
  accessKey: string;
  secretKey: string;
  token: string;
}

export interface IncomingRequest {
  method: string;
  /** Path and query exactly as received. */
  rawUrl: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body bytes, as signed. */
  body: Uint8Array;
  projectIdInPath: string;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Digests of the configured secrets, computed once per settings object: the profile showed
 * hashing them again on every request as a visible share of a request's CPU.
 */
const configuredDigests = new WeakMap<AuthSettings, { token: Buffer; accessKey: Buffer }>();

function digestsOf(settings: AuthSettings): { token: Buffer; accessKey: Buffer } {
  let digests = configuredDigests.get(settings);
  if (digests === undefined) {
    digests = { token: digest(settings.token), accessKey: digest(settings.accessKey) };
    configuredDigests.set(settings, digests);
  }
  return digests;
}

/** Constant-time string comparison (hashing first makes the lengths equal). */
function matchesDigest(candidate: string, expected: Buffer): boolean {
  return timingSafeEqual(digest(candidate), expected);
}

/** Throws the cloud's error for a request that is not authenticated for this project. */
export function authenticate(request: IncomingRequest, settings: AuthSettings, now?: Date): void {
  const token = headerValue(request.headers['x-auth-token']);
  const authorization = headerValue(request.headers.authorization);
  const expected = digestsOf(settings);
  if (token !== undefined && token.trim() !== '') {
    if (!matchesDigest(token.trim(), expected.token)) throw new KmsError('KMS.0302');
  } else if (authorization !== undefined && authorization.trim() !== '') {
    const result = verifyRequest({
      method: request.method,
      rawUrl: request.rawUrl,
      headers: request.headers,
      body: request.body,
      secretKeyFor: (accessKey) =>
        matchesDigest(accessKey, expected.accessKey) ? settings.secretKey : undefined,
      ...(now ? { now } : {}),
    });
    if (!result.ok) throw new KmsError('APIGW.0301', signatureFailureMessage(result.reason));
    const projectHeader = headerValue(request.headers['x-project-id']);
    if (projectHeader !== undefined && projectHeader !== settings.projectId) {
      throw new KmsError('KMS.0321', 'X-Project-Id is not the project of this service.');
    }
  } else {
    throw new KmsError('KMS.0301');
  }
  if (request.projectIdInPath !== settings.projectId) {
    throw new KmsError('KMS.0321');
  }
}

function signatureFailureMessage(
  reason: 'malformed' | 'unknown-access-key' | 'date-skew' | 'bad-signature',
): string {
  switch (reason) {
    case 'malformed':
      return 'Incorrect IAM authentication information: the Authorization or X-Sdk-Date header is malformed.';
    case 'unknown-access-key':
      return 'Incorrect IAM authentication information: unknown access key.';
    case 'date-skew':
      return 'Incorrect IAM authentication information: X-Sdk-Date is more than 15 minutes off.';
    case 'bad-signature':
      return 'Incorrect IAM authentication information: verify aksk signature fail.';
  }
}
