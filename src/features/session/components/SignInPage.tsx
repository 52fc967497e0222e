import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../../lib/i18n';
import { KmsErrorAlert, LockIcon } from '../../../components';
import { useCreateSession } from '../api/create-session';
import { useSecretField } from './use-secret-field';

/** Exchanges the console access token for a session cookie; the token is not kept anywhere. */
export function SignInPage({ expired = false }: { expired?: boolean }) {
  const { t } = useI18n();
  const signIn = useCreateSession();
  const field = useSecretField(t('signIn.accessTokenRequired'), (secret, clear) =>
    signIn.mutate({ access_token: secret.trim() }, { onSuccess: clear, onError: clear }),
  );

  return (
    <Paper withBorder radius="md" p="xl" maw={460} mx="auto" mt="xl" component="section">
      <form onSubmit={field.onSubmit} noValidate>
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
            {...field.inputProps}
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
