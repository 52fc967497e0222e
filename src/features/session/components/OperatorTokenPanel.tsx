import { Alert, Button, Checkbox, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { useI18n } from '../../../lib/i18n';
import { LockIcon } from '../../../components';
import { operatorToken } from '../../../lib/api';
import { useSecretField } from './use-secret-field';

/**
 * Operator token mode: the console holds no cloud credentials, each operator pastes their own
 * IAM token, which is sent as X-Auth-Token and kept in memory (or this tab's sessionStorage).
 */
export function OperatorTokenPanel() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const token = useSyncExternalStore(operatorToken.subscribe, operatorToken.get);
  const [keepForTab, setKeepForTab] = useState(false);
  const field = useSecretField(t('operator.tokenRequired'), (secret, clear) => {
    operatorToken.set(secret, keepForTab);
    clear();
    // Whatever failed for want of a token (the key list) is worth asking again.
    void queryClient.invalidateQueries();
  });

  if (token) {
    return (
      <Alert variant="light" color="gray" icon={<LockIcon />} title={t('operator.setTitle')}>
        <Group justify="space-between" gap="sm">
          <Text size="sm">
            {operatorToken.isKeptForTab() ? t('operator.keptForTab') : t('operator.inMemory')}
          </Text>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              operatorToken.clear();
              void queryClient.invalidateQueries();
            }}
          >
            {t('operator.forget')}
          </Button>
        </Group>
      </Alert>
    );
  }

  return (
    <Alert variant="light" color="yellow" icon={<LockIcon />} title={t('operator.title')}>
      <form onSubmit={field.onSubmit} noValidate>
        <Stack gap="xs">
          <Text size="sm">{t('operator.explanation')}</Text>
          <PasswordInput
            label={t('operator.tokenLabel')}
            {...field.inputProps}
            autoComplete="off"
          />
          <Checkbox
            label={t('operator.keepForTab')}
            checked={keepForTab}
            onChange={(event) => setKeepForTab(event.currentTarget.checked)}
          />
          <div>
            <Button type="submit" size="sm">
              {t('operator.use')}
            </Button>
          </div>
        </Stack>
      </form>
    </Alert>
  );
}
