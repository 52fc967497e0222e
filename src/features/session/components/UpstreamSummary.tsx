import { Badge, Group, Text } from '@mantine/core';
import { useI18n } from '../../../lib/i18n';
import type { PublicConfig } from '../../../shared/console';

/** The region, or the endpoint's host when the console was given an endpoint without one. */
function cloudPlace(config: PublicConfig): string {
  if (config.region && config.region !== 'unknown') return config.region;
  try {
    return new URL(config.endpoint).host;
  } catch {
    return config.endpoint;
  }
}

function shortProjectId(projectId: string): string {
  return projectId.length > 12 ? `${projectId.slice(0, 6)}…${projectId.slice(-4)}` : projectId;
}

/** Where requests go: the local KMS or a cloud region, and the project, always in view. */
export function UpstreamSummary({ config }: { config: PublicConfig }) {
  const { t } = useI18n();
  const isLocal = config.upstream === 'local';
  return (
    <Group gap={8} wrap="nowrap" aria-label={t('upstream.label')} role="group">
      <Badge color={isLocal ? 'grape' : 'indigo'} variant="light" radius="sm">
        {isLocal ? t('upstream.local') : t('upstream.cloud', { region: cloudPlace(config) })}
      </Badge>
      <Text size="xs" c="dimmed" visibleFrom="sm" title={config.projectId}>
        {t('upstream.project', { projectId: shortProjectId(config.projectId) })}
      </Text>
    </Group>
  );
}
