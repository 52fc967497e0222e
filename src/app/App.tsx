import { Center, Loader, Stack } from '@mantine/core';
import { Suspense, useEffect, useState } from 'react';
import { DecryptPage, type DecryptPrefill } from '../features/decrypt';
import { EncryptPage, type EncryptPrefill } from '../features/encrypt';
import { HistoryPage, recordEncryption, type HistoryEntry } from '../features/history';
import { useI18n } from '../lib/i18n';
import { OperatorTokenPanel, SignInPage, useConfig, useSessionStatus } from '../features/session';
import { KmsErrorAlert } from '../components';
import { FocusPageTitle } from './FocusOnMount';
import { PageErrorBoundary } from './PageErrorBoundary';
import { AppLayout } from './layout/AppLayout';
import { useRoute } from './router';

/** Hand-over between pages: "Decrypt" and "Reuse" from the history fill the other forms. */
interface Prefills {
  generation: number;
  encrypt?: EncryptPrefill;
  decrypt?: DecryptPrefill;
}

function PageLoader() {
  const { t } = useI18n();
  return (
    <Center py="xl">
      <Loader aria-label={t('layout.loading')} />
    </Center>
  );
}

export function App() {
  const { t } = useI18n();
  const [route, navigate] = useRoute();
  const [prefills, setPrefills] = useState<Prefills>({ generation: 0 });
  const session = useSessionStatus();
  // A server without access control may not know /api/session at all: treat it as open.
  const mustSignIn = session.data?.required === true && !session.data.signedIn;
  const config = useConfig(!session.isPending && !mustSignIn);

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
        <PageLoader />
      </AppLayout>
    );
  }

  if (mustSignIn) {
    return (
      <AppLayout route={undefined} config={undefined} canSignOut={false}>
        <SignInPage />
      </AppLayout>
    );
  }

  const onDecryptEntry = (entry: HistoryEntry) => {
    setPrefills((current) => ({
      generation: current.generation + 1,
      decrypt: {
        cipherText: entry.cipherText,
        keyId: entry.keyId,
        algorithm: entry.algorithm,
        encryptionContext: entry.encryptionContext,
      },
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
      route={route}
      config={config.data}
      canSignOut={session.data?.required === true && session.data.signedIn}
    >
      <Stack gap="lg">
        {config.error && <KmsErrorAlert title={t('layout.configFailed')} error={config.error} />}
        {config.data?.authMode === 'operator' && route !== 'history' && <OperatorTokenPanel />}
        <PageErrorBoundary key={route}>
          <Suspense fallback={<PageLoader />}>
            {route === 'encrypt' && (
              <EncryptPage
                key={`encrypt-${prefills.generation}`}
                prefill={prefills.encrypt}
                config={config.data}
                onEncrypted={recordEncryption}
              />
            )}
            {route === 'decrypt' && (
              <DecryptPage key={`decrypt-${prefills.generation}`} prefill={prefills.decrypt} />
            )}
            {route === 'history' && (
              <HistoryPage onDecrypt={onDecryptEntry} onReuse={onReuseEntry} />
            )}
            <FocusPageTitle key={route} />
          </Suspense>
        </PageErrorBoundary>
      </Stack>
    </AppLayout>
  );
}
