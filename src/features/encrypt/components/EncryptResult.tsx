import { Button, Group, Textarea } from '@mantine/core';
import { useDeferredValue, useId, useRef } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { PublicConfig } from '../../../shared/console';
import { ArrowLeftIcon, CheckIcon } from '../../../components';
import { Panel } from '../../../components/Panel';
import { ResultHeading } from '../../../components/ResultHeading';
import type { EncryptionResult } from '../model/encryption-result';
import { EncryptResultDetails } from './EncryptResultDetails';

export interface EncryptResultProps {
  result: EncryptionResult;
  /** Held in memory for Verify only; never rendered, never stored. */
  plainText: string;
  config: PublicConfig | undefined;
  onBack: () => void;
}

/**
 * Rows for the ciphertext field, from its length: 3 to 10 rows of ~64 characters. Fixed rows
 * rather than Mantine's autosize, which measures a hidden textarea (a forced style and layout
 * pass) on every render: the largest single cost between the answer and the painted result.
 */
function cipherTextRows(length: number): number {
  return Math.min(10, Math.max(3, Math.ceil(length / 64)));
}

/** The form turned into its outcome: the ciphertext and everything decrypting it needs. */
export function EncryptResult({ result, plainText, config, onBack }: EncryptResultProps) {
  const { t, formatDateTime } = useI18n();
  const titleId = useId();
  const cipherTextRef = useRef<HTMLTextAreaElement>(null);
  // The ciphertext is painted at once; everything else follows in a deferred render right
  // after it (React's second pass), so the ciphertext is not kept waiting for it.
  const showDetails = useDeferredValue(true, false);

  return (
    <Panel labelledBy={titleId}>
      <Group justify="space-between" align="flex-start">
        <ResultHeading
          id={titleId}
          title={t('result.title')}
          icon={CheckIcon}
          status={t('result.encryptedAt', { time: formatDateTime(result.createdAt) })}
        />
        <Button variant="default" leftSection={<ArrowLeftIcon />} onClick={onBack}>
          {t('result.back')}
        </Button>
      </Group>

      <Textarea
        ref={cipherTextRef}
        label={t('result.cipherText')}
        description={t('result.cipherTextHint', { length: result.cipherText.length })}
        inputWrapperOrder={['label', 'input', 'description']}
        value={result.cipherText}
        readOnly
        rows={cipherTextRows(result.cipherText.length)}
        styles={{
          input: { fontFamily: 'var(--mantine-font-family-monospace)', wordBreak: 'break-all' },
        }}
        onFocus={(event) => event.currentTarget.select()}
      />

      {showDetails && (
        <EncryptResultDetails
          result={result}
          plainText={plainText}
          config={config}
          cipherTextRef={cipherTextRef}
        />
      )}
    </Panel>
  );
}
