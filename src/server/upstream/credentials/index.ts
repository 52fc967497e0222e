/**
 * The credential modes by name. A new mode is a module here plus its name in AUTH_MODES
 * (src/shared/console/auth-modes.ts); the compiler then asks for its entry below.
 */
import type { AuthMode } from '../../../shared/console';
import { akskEnv, akskMode, type AkskSettings } from './aksk';
import { operatorMode, type OperatorSettings } from './operator';
import { passwordEnv, passwordMode, type PasswordSettings } from './password';
import { tokenEnv, tokenMode, type TokenSettings } from './token';
import type { Authenticator, AuthenticatorDeps, CredentialMode } from './types';

interface SettingsByMode {
  aksk: AkskSettings;
  token: TokenSettings;
  password: PasswordSettings;
  operator: OperatorSettings;
}

/** Every credential variable, each declared by its mode's module. */
export const CREDENTIAL_ENV = { ...akskEnv, ...tokenEnv, ...passwordEnv };

/** The settings of one credential mode, as the configuration holds them. */
export type UpstreamAuth = SettingsByMode[AuthMode];

type CredentialModes = { [M in AuthMode]: CredentialMode<SettingsByMode[M]> };

export const CREDENTIAL_MODES: CredentialModes = {
  aksk: akskMode,
  token: tokenMode,
  password: passwordMode,
  operator: operatorMode,
};

function authenticatorFor<M extends AuthMode>(
  settings: SettingsByMode[M] & { mode: M },
  deps: AuthenticatorDeps,
): Authenticator {
  const mode: CredentialMode<SettingsByMode[M]> = CREDENTIAL_MODES[settings.mode];
  return mode.createAuthenticator(settings, deps);
}

export function createAuthenticator(
  settings: UpstreamAuth,
  deps: AuthenticatorDeps,
): Authenticator {
  return authenticatorFor(settings, deps);
}

export { localCredentials, type LocalKmsHandover } from './local';
export type { AkskSettings, OperatorSettings, PasswordSettings, TokenSettings };
export type { AuthenticatedCall, Authenticator, AuthenticatorDeps, EnvProblem } from './types';
