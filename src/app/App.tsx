import { Stack } from '@mantine/core';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { DecryptPage, type DecryptPrefill, type FindInHistory } from '../features/decrypt';
import { EncryptPage, type EncryptPrefill } from '../features/encrypt';
import { AuditPage } from '../features/audit';
import {
  HistoryPage,
  recordEncryption,
  setTeamHistory,
  useHistory,
  type HistoryEntry,
} from '../features/history';
import { useI18n } from '../lib/i18n';
import {
  OperatorTokenPanel,
  SessionExpiryWarning,
  SignInPage,
  useConfig,
  useSessionExpired,
  useSessionExpiry,
  useSessionStatus,
} from '../features/session';
import { KmsErrorAlert } from '../components';
import { FocusPageTitle } from './FocusOnMount';
import { PageErrorBoundary } from './PageErrorBoundary';
import { PageLoader } from './PageLoader';
import { AppLayout } from './layout/AppLayout';
import { useRoute } from './router';

function decryptPrefillOf(entry: HistoryEntry): DecryptPrefill {
  return {
    // A file entry has no ciphertext to fill in (its card offers no Decrypt).
    cipherText: entry.cipherText ?? '',
    keyId: entry.keyId,
    algorithm: entry.algorithm,
    encryptionContext: entry.encryptionContext,
    createdAt: entry.createdAt,
  };
}

/** Hand-over between pages: "Decrypt" and "Reuse" from the history fill the other forms. */
interface Prefills {
  generation: number;
  encrypt?: EncryptPrefill;
  decrypt?: DecryptPrefill;
}

export function App() {
  const { t } = useI18n();
  const [route, navigate] = useRoute();
  const [prefills, setPrefills] = useState<Prefills>({ generation: 0 });
  const session = useSessionStatus();
  // A server without access control may not know /api/session at all: treat it as open.
  const mustSignIn = session.data?.required === true && !session.data.signedIn;
  const config = useConfig(!session.isPending && !mustSignIn);
  const expiry = useSessionExpiry();
  // The session ended under the operator: the page stays, hidden and as it was (a plaintext
  // typed still in memory, nowhere else), behind the sign-in form, and comes back after it.
  const sessionExpired = useSessionExpired();
  const keepPage = mustSignIn && sessionExpired;
  const teamHistory = config.data?.teamHistory === true;
  useEffect(() => setTeamHistory(teamHistory), [teamHistory]);
  const { entries } = useHistory();
  // The decrypt page looks a pasted ciphertext up in the history it cannot import itself.
  const findInHistory = useCallback<FindInHistory>(
    (cipherText) => {
      const entry = entries.find((candidate) => candidate.cipherText === cipherText);
      return entry ? decryptPrefillOf(entry) : undefined;
    },
    [entries],
  );

  // A hand-over is for the visit it was made for: leaving the page drops it, so opening
  // Decrypt from the navigation later shows an empty form.
  useEffect(() => {
    setPrefills((current) =>
      (current.decrypt && route !== 'decrypt') || (current.encrypt && route !== 'encrypt')
        ? {
            generation: current.generation,
            ...(route === 'decrypt' && current.decrypt ? { decrypt: current.decrypt } : {}),
            ...(route === 'encrypt' && current.encrypt ? { encrypt: current.encrypt } : {}),
          }
        : current,
    );
  }, [route]);

  useEffect(() => {
    const page = mustSignIn ? t('signIn.title') : t(`nav.${route}`);
    document.title = `${page} · ${t('app.name')}`;
  }, [route, mustSignIn, t]);

  if (session.isPending) {
    return (
      <AppLayout route={undefined} config={undefined} canSignOut={false}>
        <PageLoader title={t(`nav.${route}`)} />
      </AppLayout>
    );
  }

  if (mustSignIn && !keepPage) {
    return (
      <AppLayout route={undefined} config={undefined} canSignOut={false}>
        <SignInPage />
      </AppLayout>
    );
  }

  const onDecryptEntry = (entry: HistoryEntry) => {
    setPrefills((current) => ({
      generation: current.generation + 1,
      decrypt: decryptPrefillOf(entry),
    }));
    navigate('decrypt');
  };

  const onReuseEntry = (entry: HistoryEntry) => {
    setPrefills((current) => ({
      generation: current.generation + 1,
      encrypt: {
        keyId: entry.keyId,
        algorithm: entry.algorithm,
        encryptionContext: entry.encryptionContext,
      },
    }));
    navigate('encrypt');
  };

  return (
    <AppLayout
      route={keepPage ? undefined : route}
      config={keepPage ? undefined : config.data}
      canSignOut={session.data?.required === true && session.data.signedIn}
    >
      {keepPage && (
        <Suspense fallback={<PageLoader title={t('signIn.title')} />}>
          <SignInPage expired />
        </Suspense>
      )}
      <div hidden={keepPage || undefined}>
        <Stack gap="lg">
          {expiry.warnUntil !== undefined && !keepPage && (
            <Suspense fallback={null}>
              <SessionExpiryWarning endsAt={expiry.warnUntil} />
            </Suspense>
          )}
          {config.error && <KmsErrorAlert title={t('layout.configFailed')} error={config.error} />}
          {config.data?.authMode === 'operator' && route !== 'history' && <OperatorTokenPanel />}
          <PageErrorBoundary key={route}>
            <Suspense fallback={<PageLoader title={t(`nav.${route}`)} />}>
              {route === 'encrypt' && (
                <EncryptPage
                  key={`encrypt-${prefills.generation}`}
                  prefill={prefills.encrypt}
                  config={config.data}
                  onEncrypted={recordEncryption}
                />
              )}
              {route === 'decrypt' && (
                <DecryptPage
                  key={`decrypt-${prefills.generation}`}
                  prefill={prefills.decrypt}
                  findInHistory={findInHistory}
                  config={config.data}
                />
              )}
              {route === 'history' && (
                <HistoryPage
                  onDecrypt={onDecryptEntry}
                  onReuse={onReuseEntry}
                  teamHistory={teamHistory}
                />
              )}
              {route === 'audit' && <AuditPage teamHistory={teamHistory} />}
              <FocusPageTitle key={route} />
            </Suspense>
          </PageErrorBoundary>
        </Stack>
      </div>
    </AppLayout>
  );
}
