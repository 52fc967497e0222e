/**
 * One interface for every way the console authenticates to KMS. A credential mode is one
 * module: the settings it takes from the environment, and how it authenticates a call.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthMode } from '../../../shared/console';
import type { KmsShapedError } from '../../../shared/kms';
import type { ConsoleEnv } from '../../config/env';
import type { HttpClient } from '../http-client';

export interface CallToAuthenticate {
  url: URL;
  /** The exact body sent (AK/SK signs it). */
  payload: string;
  /** What every call sends: content type and project id. */
  headers: Record<string, string>;
  /** The headers the browser sent to the console (operator mode reads its token there). */
  incoming: IncomingHttpHeaders;
}

export interface AuthenticatedCall {
  headers: Record<string, string>;
  /** KMS refused these credentials: forget them, and say whether one retry may succeed. */
  refused?: () => boolean;
}

export interface Authenticator {
  authenticate(call: CallToAuthenticate): Promise<AuthenticatedCall>;
  /** How many token requests went to IAM so far (modes that log in), for tests and audit. */
  readonly iamRequests?: number;
}

export interface AuthenticatorDeps {
  client: HttpClient;
  projectId: string;
  /** A background token renewal failed; calls go on with the current token meanwhile. */
  onIamFailure: (error: KmsShapedError) => void;
}

/** A problem with the environment: the variable to name and what is wrong with it. */
export type EnvProblem = readonly [variable: string, message: string];

export interface CredentialMode<Settings extends { mode: AuthMode }> {
  mode: Settings['mode'];
  /** The environment carries this mode's credentials, so KMS_AUTH_MODE may be left unset. */
  isConfigured(env: ConsoleEnv): boolean;
  /** Problems with this mode's variables whichever mode is chosen (e.g. half a key pair). */
  alwaysProblems?(env: ConsoleEnv): EnvProblem[];
  /** What a cloud upstream in this mode lacks; empty when it has everything. */
  problems(env: ConsoleEnv, region: string | undefined): EnvProblem[];
  /** The settings of a cloud upstream, once `problems` found none. */
  cloudSettings(env: ConsoleEnv, region: string | undefined): Settings;
  createAuthenticator(settings: Settings, deps: AuthenticatorDeps): Authenticator;
}

/** A value `problems` has checked to be present. */
export function required<T>(value: T | undefined, variable: string): T {
  if (value === undefined) throw new Error(`${variable}: missing after validation`);
  return value;
}
