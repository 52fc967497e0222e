import { Button } from '@mantine/core';
import { Suspense, useState } from 'react';
import type { PublicConfig } from '../../../../shared/console/config';
import { lazyWithMessages, useI18n } from '../../../../lib/i18n';

// Not needed at first paint: the panel's code (and Mantine's Drawer) load when it is opened.
const KeyDetailsPanel = lazyWithMessages(() => import('./KeyDetailsPanel'));

export interface KeyDetailsButtonProps {
  keyId: string;
  config: PublicConfig | undefined;
}

/** Opens the key details panel for a key id. */
export function KeyDetailsButton({ keyId, config }: KeyDetailsButtonProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="subtle" size="compact-sm" onClick={() => setOpen(true)}>
        {t('keyDetails.open')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <KeyDetailsPanel keyId={keyId} config={config} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
