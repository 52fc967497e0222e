import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n';
import { KmsErrorAlert, LockIcon } from '../../../components';
import { useCreateSession } from '../api/create-session';

/** Exchanges the console access token for a session cookie; the token is not kept anywhere. */
export function SignInPage({ expired = false }: { expired?: boolean }) {
  const { t } = useI18n();
  const [accessToken, setAccessToken] = useState('');
  const [missing, setMissing] = useState(false);
  const signIn = useCreateSession();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (accessToken.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    signIn.mutate(
      { access_token: accessToken.trim() },
      { onSuccess: () => setAccessToken(''), onError: () => setAccessToken('') },
    );
  };

  return (
    <Paper withBorder radius="md" p="xl" maw={460} mx="auto" mt="xl" component="section">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <LockIcon size={28} />
          <Title order={1} size="h2" tabIndex={-1} data-page-title>
            {t('signIn.title')}
          </Title>
          {expired && (
            <Text size="sm" fw={600} role="status">
              {t('signIn.expired')}
            </Text>
          )}
          <Text size="sm">{t('signIn.explanation')}</Text>
          <PasswordInput
            label={t('signIn.accessToken')}
            value={accessToken}
            onChange={(event) => setAccessToken(event.currentTarget.value)}
            error={missing ? t('signIn.accessTokenRequired') : undefined}
            autoComplete="current-password"
            data-autofocus
          />
          {signIn.error && <KmsErrorAlert title={t('signIn.failed')} error={signIn.error} />}
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
