import {
  decryptDataRequestSchema,
  type DecryptDataRequest,
  type EncryptionAlgorithm,
  type EncryptionContext,
} from '../../../shared/kms';
import type { PublicConfig } from '../../../shared/console';

/** What an encryption produced and what decrypting it will need. */
export interface EncryptionRecord {
  keyId: string;
  algorithm: EncryptionAlgorithm;
  encryptionContext: EncryptionContext;
  cipherText: string;
}

/** Where the commands point: the facts GET /api/config gives (never a credential). */
export type UpstreamFacts = Pick<PublicConfig, 'upstream' | 'endpoint' | 'region' | 'projectId'>;

/** Shown instead of a token: the operator's shell supplies it, the console never does. */
export const TOKEN_PLACEHOLDER = '${KMS_AUTH_TOKEN}';

/**
 * The decrypt-data body that decrypts this ciphertext: symmetric ciphertext names its own key,
 * asymmetric ciphertext needs key id and algorithm; the context must match when there was one.
 */
export function decryptRequestFor(record: EncryptionRecord): DecryptDataRequest {
  const asymmetric = record.algorithm !== 'SYMMETRIC_DEFAULT';
  const withContext = Object.keys(record.encryptionContext).length > 0;
  return decryptDataRequestSchema.parse({
    cipher_text: record.cipherText,
    ...(asymmetric ? { key_id: record.keyId, encryption_algorithm: record.algorithm } : {}),
    ...(withContext ? { encryption_context: record.encryptionContext } : {}),
  });
}

export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** POSIX shell single quoting: safe for any text, including quotes and `$`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function operationUrl(upstream: UpstreamFacts, operation: string): string {
  const base = upstream.endpoint.replace(/\/+$/, '');
  return `${base}/v1.0/${upstream.projectId}/kms/${operation}`;
}

/** A curl command against the KMS endpoint itself, the token left to the shell. */
export function curlCommand(upstream: UpstreamFacts, body: DecryptDataRequest): string {
  return [
    `curl -sS -X POST ${shellQuote(operationUrl(upstream, 'decrypt-data'))}`,
    `  -H 'Content-Type: application/json;charset=UTF-8'`,
    `  -H "X-Auth-Token: ${TOKEN_PLACEHOLDER}"`,
    `  --data-raw ${shellQuote(JSON.stringify(body))}`,
  ].join(' \\\n');
}

/** The console reports `unknown` when an endpoint was configured without a region. */
function hasRegion(upstream: UpstreamFacts): boolean {
  return upstream.upstream === 'cloud' && upstream.region !== '' && upstream.region !== 'unknown';
}

/**
 * A Huawei Cloud KooCLI (hcloud) command; credentials come from the operator's hcloud profile.
 * The local KMS (or an endpoint without a known region) is reached through the endpoint.
 */
export function hcloudCommand(upstream: UpstreamFacts, body: DecryptDataRequest): string {
  const args = [
    'hcloud KMS DecryptData',
    hasRegion(upstream)
      ? `--cli-region=${shellQuote(upstream.region)}`
      : `--cli-endpoint=${shellQuote(upstream.endpoint)}`,
    `--project_id=${shellQuote(upstream.projectId)}`,
    `--cipher_text=${shellQuote(body.cipher_text)}`,
  ];
  if (body.key_id) args.push(`--key_id=${shellQuote(body.key_id)}`);
  if (body.encryption_algorithm) {
    args.push(`--encryption_algorithm=${shellQuote(body.encryption_algorithm)}`);
  }
  for (const [key, value] of Object.entries(body.encryption_context ?? {})) {
    args.push(shellQuote(`--encryption_context.${key}=${value}`));
  }
  return args.join(' \\\n  ');
}
