import { Badge, Button, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  HistoryIcon,
  LanguageSwitcher,
  LockIcon,
  ShieldCheckIcon,
  UnlockIcon,
} from '../../components';
import { useHistory } from '../../features/history';
import { UpstreamSummary, useDeleteSession } from '../../features/session';
import { useI18n } from '../../lib/i18n';
import type { PublicConfig } from '../../shared/console';
import { hrefFor, type Route } from '../router';
import classes from './layout.module.css';
import { ThemeToggle } from './ThemeToggle';

export interface AppLayoutProps {
  route: Route | undefined;
  config: PublicConfig | undefined;
  canSignOut: boolean;
  children: ReactNode;
}

function NavLink({
  route,
  current,
  children,
}: {
  route: Route;
  current: Route | undefined;
  children: ReactNode;
}) {
  return (
    <a
      href={hrefFor(route)}
      className={classes.navLink}
      aria-current={route === current ? 'page' : undefined}
    >
      {children}
    </a>
  );
}

export function AppLayout({ route, config, canSignOut, children }: AppLayoutProps) {
  const { t } = useI18n();
  const { entries } = useHistory();
  const signOut = useDeleteSession();

  return (
    <div className={classes.shell}>
      <a
        href="#main-content"
        className={classes.skipLink}
        onClick={(event) => {
          // The hash is the router's: move focus without changing it.
          event.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        {t('layout.skipToContent')}
      </a>
      <header className={classes.header}>
        <Container size="md" className={classes.headerInner}>
          <div className={classes.brand}>
            <span className={classes.logo} aria-hidden="true">
              <LockIcon size={16} />
            </span>
            <Text fw={700} size="md" component="span">
              {t('app.name')}
            </Text>
            {config && <UpstreamSummary config={config} />}
          </div>
          <Group gap={4} wrap="nowrap">
            <LanguageSwitcher />
            <ThemeToggle />
            {canSignOut && (
              <Button
                variant="subtle"
                color="gray"
                size="compact-sm"
                onClick={() => signOut.mutate()}
                loading={signOut.isPending}
              >
                {t('layout.signOut')}
              </Button>
            )}
          </Group>
        </Container>
        {route && (
          <Container size="md">
            <nav aria-label={t('layout.navigation')} className={classes.nav}>
              <NavLink route="encrypt" current={route}>
                <LockIcon size={14} />
                {t('nav.encrypt')}
              </NavLink>
              <NavLink route="decrypt" current={route}>
                <UnlockIcon size={14} />
                {t('nav.decrypt')}
              </NavLink>
              <NavLink route="history" current={route}>
                <HistoryIcon size={14} />
                {t('nav.history')}
                {entries.length > 0 && !config?.teamHistory && (
                  <Badge size="sm" variant="light" color="gray" aria-hidden="true">
                    {entries.length}
                  </Badge>
                )}
              </NavLink>
              {config?.teamHistory && (
                <NavLink route="audit" current={route}>
                  <ShieldCheckIcon size={14} />
                  {t('nav.audit')}
                </NavLink>
              )}
            </nav>
          </Container>
        )}
      </header>
      <main id="main-content" tabIndex={-1} className={classes.main}>
        <Container size="md">{children}</Container>
      </main>
      <footer className={classes.footer}>
        <Container size="md">
          <Text size="xs" c="dimmed">
            {t('layout.footer')}
          </Text>
        </Container>
      </footer>
    </div>
  );
}
