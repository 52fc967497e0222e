import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n';

function PageFailed() {
  const { t } = useI18n();
  return (
    <Alert color="red" variant="light" role="alert" title={t('layout.pageFailed')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('layout.pageFailedDetail')}</Text>
        <Button variant="default" onClick={() => window.location.reload()}>
          {t('layout.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

interface State {
  failed: boolean;
}

/**
 * Pages are separate chunks; one that cannot be fetched (the console restarted with a new
 * build, the connection dropped) would otherwise take the whole page down with it. This keeps
 * the header and navigation and says what to do. React.lazy keeps a failed import, so only a
 * reload fetches it again. Keyed by route, so another page can be opened meanwhile.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // No error reporting service: the browser console is where an operator or developer looks.
    console.error('Page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}
