/**
 * Forwards a validated console operation to the KMS endpoint with the configured credentials
 * and turns the answer into what the browser gets: the KMS status and body, or a CONSOLE.xxxx
 * error when the endpoint is unreachable, too slow, or answers something that is not KMS.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ConsoleError } from '../../shared/console';
import { kmsErrorBodySchema, type ConsoleOperation, type KmsShapedError } from '../../shared/kms';
import { createAuthenticator, type AuthenticatedCall, type Authenticator } from './credentials';
import { HttpClient, UpstreamFailure, type UpstreamResponse } from './http-client';
import type { UpstreamConfig } from './upstream-config';

export interface UpstreamCallOptions {
  /** The headers the browser sent (operator mode forwards the token it pasted). */
  incoming?: IncomingHttpHeaders;
}

export interface UpstreamResult {
  status: number;
  body: Record<string, unknown>;
}

const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** KMS answers `{"error":{...}}`; API Gateway in front of it answers the same fields flat. */
function normalizeErrorBody(body: Record<string, unknown>): Record<string, unknown> | null {
  if (kmsErrorBodySchema.safeParse(body).success) return body;
  const { error_code: code, error_msg: message } = body;
  if (typeof code === 'string' && typeof message === 'string') {
    return { error: { error_code: code, error_msg: message } };
  }
  return null;
}

function isTokenRefusal(result: UpstreamResult): boolean {
  if (result.status !== 401 && result.status !== 403) return false;
  const error = result.body.error;
  const code = isPlainObject(error) ? error.error_code : undefined;
  return code === 'KMS.0302' || code === 'KMS.0303' || code === 'APIGW.0301';
}

export class KmsUpstream {
  private readonly client: HttpClient;
  private readonly authenticator: Authenticator;

  constructor(
    private readonly config: UpstreamConfig,
    onIamFailure: (error: KmsShapedError) => void = () => {},
  ) {
    this.client = new HttpClient({ timeoutMs: config.timeoutMs });
    this.authenticator = createAuthenticator(config.auth, {
      client: this.client,
      projectId: config.projectId,
      onIamFailure,
    });
  }

  /** How many token requests went to IAM so far (password mode). */
  get iamRequests(): number {
    return this.authenticator.iamRequests ?? 0;
  }

  operationUrl(operation: ConsoleOperation): URL {
    return new URL(
      `${this.config.endpoint}/v1.0/${encodeURIComponent(this.config.projectId)}/kms/${operation}`,
    );
  }

  async call(
    operation: ConsoleOperation,
    body: object,
    options: UpstreamCallOptions = {},
  ): Promise<UpstreamResult> {
    const url = this.operationUrl(operation);
    const payload = JSON.stringify(body);
    const first = await this.send(url, payload, options);
    if (isTokenRefusal(first.result) && first.auth.refused?.()) {
      return (await this.send(url, payload, options)).result;
    }
    return first.result;
  }

  close(): void {
    this.client.close();
  }

  private async send(
    url: URL,
    payload: string,
    options: UpstreamCallOptions,
  ): Promise<{ result: UpstreamResult; auth: AuthenticatedCall }> {
    const auth = await this.authenticator.authenticate({
      url,
      payload,
      headers: { 'content-type': JSON_CONTENT_TYPE, 'x-project-id': this.config.projectId },
      incoming: options.incoming ?? {},
    });
    let response: UpstreamResponse;
    try {
      response = await this.client.post(url, auth.headers, payload);
    } catch (error) {
      throw this.failure(error);
    }
    return { result: this.interpret(response), auth };
  }

  private failure(error: unknown): ConsoleError {
    const endpoint = this.config.endpoint;
    if (error instanceof UpstreamFailure) {
      switch (error.kind) {
        case 'timeout':
          return new ConsoleError(
            'CONSOLE.0011',
            `The KMS endpoint ${endpoint} did not answer within ${this.config.timeoutMs} ms.`,
          );
        case 'too-large':
          return new ConsoleError(
            'CONSOLE.0012',
            `The KMS endpoint ${endpoint} answered too much.`,
          );
        case 'unreachable':
          return new ConsoleError(
            'CONSOLE.0010',
            `The KMS endpoint ${endpoint} could not be reached${error.causeCode ? ` (${error.causeCode})` : ''}.`,
          );
      }
    }
    return new ConsoleError('CONSOLE.0010', `The KMS endpoint ${endpoint} could not be reached.`);
  }

  private interpret(response: UpstreamResponse): UpstreamResult {
    const notKms = (what: string) =>
      new ConsoleError(
        'CONSOLE.0012',
        `The KMS endpoint ${this.config.endpoint} answered HTTP ${response.status} with ${what}.`,
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body.toString('utf8'));
    } catch {
      throw notKms('a body that is not JSON');
    }
    if (!isPlainObject(parsed)) throw notKms('JSON that is not an object');
    if (response.status >= 200 && response.status < 300) {
      return { status: response.status, body: parsed };
    }
    if (response.status >= 400 && response.status < 600) {
      const errorBody = normalizeErrorBody(parsed);
      if (errorBody) return { status: response.status, body: errorBody };
      throw notKms('an error body that is not a KMS error');
    }
    throw notKms('an unexpected status');
  }
}
