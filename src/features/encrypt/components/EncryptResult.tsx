import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDeferredValue, useEffect, useId, useRef } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { PublicConfig } from '../../../shared/console';
import { ArrowLeftIcon, CheckIcon, tone } from '../../../components';
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cipherTextRef = useRef<HTMLTextAreaElement>(null);
  // The ciphertext is painted at once; everything else follows in a deferred render right
  // after it (React's second pass), so the ciphertext is not kept waiting for it.
  const showDetails = useDeferredValue(true, false);

  // The view replaced the form: take keyboard and screen-reader focus along with it.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={titleId}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} id={titleId} ref={headingRef} tabIndex={-1}>
              {t('result.title')}
            </Title>
            <Text size="sm" className={tone.success}>
              <CheckIcon size={14} style={{ verticalAlign: '-2px', marginRight: 4 }} />
              {t('result.encryptedAt', { time: formatDateTime(result.createdAt) })}
            </Text>
          </Stack>
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
      </Stack>
    </Paper>
  );
}
