import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../lib/i18n';
import { selectText, writeClipboard } from '../lib/clipboard';
import { CheckIcon, CopyIcon } from './icons';
import tone from './tone.module.css';

const ManualCopyDialog = lazy(() => import('./ManualCopyDialog'));

// Only one "Copied" confirmation is shown at a time: a new copy clears the previous one, so
// the operator never wonders which button the word belongs to.
const copyEvents = new EventTarget();

type Feedback = 'idle' | 'copied' | 'selected' | 'manual';

export interface CopyButtonProps {
  /** Visible text and accessible name, e.g. "Copy ciphertext". */
  label: string;
  value: string | (() => string);
  /** An element showing the same text: selected in place when the clipboard is unavailable. */
  selectTarget?: () => HTMLElement | null;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  /** Fills its cell, for buttons laid out in a grid. */
  fullWidth?: boolean;
}

export function CopyButton({
  label,
  value,
  selectTarget,
  variant = 'default',
  size = 'sm',
  fullWidth = false,
}: CopyButtonProps) {
  const { t } = useI18n();
  const id = useId();
  const [feedback, setFeedback] = useState<Feedback>('idle');
  const [manualText, setManualText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const onOtherCopy = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== id) setFeedback('idle');
    };
    copyEvents.addEventListener('copy', onOtherCopy);
    return () => {
      copyEvents.removeEventListener('copy', onOtherCopy);
      clearTimeout(timer.current);
    };
  }, [id]);

  const onCopy = async () => {
    const text = typeof value === 'function' ? value() : value;
    copyEvents.dispatchEvent(new CustomEvent('copy', { detail: id }));
    clearTimeout(timer.current);
    const outcome = await writeClipboard(text);
    if (outcome === 'copied') {
      setFeedback('copied');
      timer.current = setTimeout(() => setFeedback('idle'), 2500);
      return;
    }
    const target = selectTarget?.();
    if (target) {
      selectText(target);
      setFeedback('selected');
    } else {
      setManualText(text);
      setFeedback('manual');
    }
  };

  return (
    <>
      <Group gap={6} wrap="nowrap" display={fullWidth ? 'flex' : 'inline-flex'}>
        <Button
          fullWidth={fullWidth}
          variant={variant}
          size={size}
          leftSection={feedback === 'copied' ? <CheckIcon /> : <CopyIcon />}
          onClick={() => void onCopy()}
        >
          {label}
        </Button>
        <Text role="status" size="sm" className={tone.success} fw={600}>
          {feedback === 'copied' ? t('copy.copied') : ''}
        </Text>
      </Group>
      {feedback === 'selected' && (
        <Text role="alert" size="sm" className={tone.warning} mt={4}>
          {t('copy.selectedForManualCopy')}
        </Text>
      )}
      {feedback === 'manual' && (
        <Suspense fallback={null}>
          <ManualCopyDialog text={manualText} onClose={() => setFeedback('idle')} />
        </Suspense>
      )}
    </>
  );
}
