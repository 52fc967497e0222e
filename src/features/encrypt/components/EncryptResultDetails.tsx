import { Alert, Badge, Button, Code, Divider, Group, Stack, Text } from '@mantine/core';
import { useRef, type ReactNode, type RefObject } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { PublicConfig } from '../../../shared/console';
import { CopyButton, KmsErrorAlert, ShieldCheckIcon, tone } from '../../../components';
import { KeyDetailsButton } from '../../keys';
import { useVerifyRoundTrip } from '../api/verify-round-trip';
import { curlCommand, decryptRequestFor, formatJson, hcloudCommand } from '../model/commands';
import type { EncryptionResult } from '../model/encryption-result';
import classes from './result.module.css';

export interface EncryptResultDetailsProps {
  result: EncryptionResult;
  /** Held in memory for Verify only; never rendered, never stored. */
  plainText: string;
  config: PublicConfig | undefined;
  /** The ciphertext field, selected in place when the clipboard is unavailable. */
  cipherTextRef: RefObject<HTMLTextAreaElement | null>;
}

/** One fact about the result under its label. */
function Fact({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Stack gap={4} className={className}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/**
 * Everything under the ciphertext: first what an operator does next (copy it, verify it), so
 * both sit right under it even on a projector's 720 px; then the key, algorithm and context
 * decrypting it needs, the other copy buttons and commands that decrypt it elsewhere.
 */
export function EncryptResultDetails({
  result,
  plainText,
  config,
  cipherTextRef,
}: EncryptResultDetailsProps) {
  const { t } = useI18n();
  const keyIdRef = useRef<HTMLElement>(null);
  const algorithmRef = useRef<HTMLElement>(null);
  const verify = useVerifyRoundTrip();
  const decryptRequest = decryptRequestFor(result);
  const contextEntries = Object.entries(result.encryptionContext);

  return (
    <>
      <Stack gap="xs">
        <Group gap="sm">
          <CopyButton
            label={t('result.copyCipherText')}
            value={result.cipherText}
            selectTarget={() => cipherTextRef.current}
            variant="filled"
          />
          <Button
            variant="default"
            leftSection={<ShieldCheckIcon />}
            loading={verify.isPending}
            onClick={() => verify.mutate({ request: decryptRequest, expectedPlainText: plainText })}
          >
            {t('result.verify')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('result.verifyHint')}
          </Text>
        </Group>
        <div aria-live="polite">
          {verify.data &&
            (verify.data.matched ? (
              <Alert
                color="teal"
                variant="light"
                icon={<ShieldCheckIcon />}
                title={t('result.verified')}
              >
                <Text size="sm">{t('result.verifiedDetail')}</Text>
              </Alert>
            ) : (
              <Alert color="red" variant="light" title={t('result.mismatch')}>
                <Text size="sm">{t('result.mismatchDetail')}</Text>
              </Alert>
            ))}
        </div>
        {verify.error && <KmsErrorAlert title={t('result.verifyFailed')} error={verify.error} />}
      </Stack>

      <Divider />

      <Group gap="xl" align="flex-start">
        <Fact label={t('result.keyId')} className={classes.keyFacts}>
          <Code ref={keyIdRef} className={tone.uuid} block={false}>
            {result.keyId}
          </Code>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {[result.keyAlias ?? t('history.unlistedKey'), result.keySpec]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <KeyDetailsButton keyId={result.keyId} config={config} />
          </Group>
        </Fact>
        <Fact label={t('result.algorithm')}>
          <Code ref={algorithmRef}>{result.algorithm}</Code>
        </Fact>
      </Group>

      <Fact label={t('context.legend')}>
        {contextEntries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('result.noContext')}
          </Text>
        ) : (
          <Group gap={6}>
            {contextEntries.map(([key, value]) => (
              <Badge key={key} variant="outline" color="gray" tt="none" radius="sm" size="lg">
                {key} = {value}
              </Badge>
            ))}
          </Group>
        )}
      </Fact>

      <div className={classes.copyGrid}>
        <CopyButton
          fullWidth
          label={t('result.copyKeyId')}
          value={result.keyId}
          selectTarget={() => keyIdRef.current}
        />
        <CopyButton
          fullWidth
          label={t('result.copyAlgorithm')}
          value={result.algorithm}
          selectTarget={() => algorithmRef.current}
        />
        <CopyButton
          fullWidth
          label={t('result.copyDecryptRequest')}
          value={() => formatJson(decryptRequest)}
        />
        {config && (
          <>
            <CopyButton
              fullWidth
              label={t('result.copyCurl')}
              value={() => curlCommand(config, decryptRequest)}
            />
            <CopyButton
              fullWidth
              label={t('result.copyHcloud')}
              value={() => hcloudCommand(config, decryptRequest)}
            />
          </>
        )}
      </div>
      <Text size="xs" c="dimmed">
        {t('result.commandsHint')}
      </Text>
    </>
  );
}
