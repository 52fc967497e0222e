import { Alert, Anchor, Drawer, Loader, Stack, Text } from '@mantine/core';
import type { PublicConfig } from '../../../../shared/console/config';
import { KmsErrorAlert } from '../../../../components';
import { useI18n, type MessageKey } from '../../../../lib/i18n';
import { useDescribeKey } from '../../api/describe-key';
import { cloudKeyListUrl, keyCreatedAt } from '../../model/key-facts';
import classes from './key-details.module.css';

const STATE_KEYS: Record<string, MessageKey> = {
  '1': 'keys.state.1',
  '2': 'keys.state.2',
  '3': 'keys.state.3',
  '4': 'keys.state.4',
  '5': 'keys.state.5',
};

export interface KeyDetailsPanelProps {
  keyId: string;
  config: PublicConfig | undefined;
  onClose: () => void;
}

/** What describe-key says of one key, in a side panel; loaded the first time it is opened. */
export default function KeyDetailsPanel({ keyId, config, onClose }: KeyDetailsPanelProps) {
  const { t, formatDateTime } = useI18n();
  const described = useDescribeKey(keyId, true);
  const key = described.data;
  const consoleUrl = cloudKeyListUrl(config);
  const created = key ? keyCreatedAt(key) : undefined;

  const rows: [string, string][] = key
    ? [
        [t('keyDetails.alias'), key.key_alias || t('keys.noAlias')],
        [t('keyDetails.keyId'), key.key_id],
        [t('keyDetails.spec'), key.key_spec],
        [t('keyDetails.usage'), key.key_usage],
        [
          t('keyDetails.state'),
          STATE_KEYS[key.key_state] ? t(STATE_KEYS[key.key_state]!) : key.key_state,
        ],
        [t('keyDetails.origin'), key.origin],
        [t('keyDetails.created'), created ? formatDateTime(created) : '—'],
        [t('keyDetails.description'), key.key_description || '—'],
        [
          t('keyDetails.rotation'),
          key.key_rotation_enabled === 'true'
            ? t('keyDetails.rotationOn')
            : t('keyDetails.rotationOff'),
        ],
      ]
    : [];

  return (
    <Drawer.Root opened onClose={onClose} position="right">
      <Drawer.Overlay />
      <Drawer.Content>
        {/* A div, not Mantine's <header>: a second banner landmark on the page (axe). */}
        <Drawer.Header component="div">
          <Drawer.Title fw={700} fz="lg">
            {t('keyDetails.title')}
          </Drawer.Title>
          <Drawer.CloseButton aria-label={t('common.close')} />
        </Drawer.Header>
        <Drawer.Body>
          {described.isPending && (
            <Stack role="status" align="center" py="lg" gap="xs">
              <Loader size="sm" aria-hidden="true" />
              <Text c="dimmed">{t('keyDetails.loading')}</Text>
            </Stack>
          )}
          {described.error && (
            <KmsErrorAlert title={t('keyDetails.failed')} error={described.error} />
          )}
          {key && (
            <Stack gap="md">
              <dl className={classes.list}>
                {rows.map(([term, value]) => (
                  <div key={term} className={classes.row}>
                    <dt>{term}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              {key.key_state === '3' && (
                <Alert
                  role="note"
                  color="orange"
                  variant="light"
                  title={t('keyDetails.disabledTitle')}
                >
                  {consoleUrl ? (
                    <Anchor href={consoleUrl} target="_blank" rel="noopener noreferrer">
                      {t('keyDetails.enableInConsole')}
                    </Anchor>
                  ) : (
                    t('keyDetails.enableLocally')
                  )}
                </Alert>
              )}
            </Stack>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
