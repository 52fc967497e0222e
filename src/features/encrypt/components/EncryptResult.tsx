import {
  Alert,
  Badge,
  Button,
  Code,
  Divider,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../../i18n';
import { isApiError, type ConsoleConfig } from '../../session';
import {
  ArrowLeftIcon,
  CheckIcon,
  CopyButton,
  KmsErrorAlert,
  ShieldCheckIcon,
  tone,
} from '../../ui';
import { useVerifyRoundTrip } from '../api/verify-round-trip';
import { curlCommand, decryptRequestFor, formatJson, hcloudCommand } from '../model/commands';
import type { EncryptionResult } from '../model/encryption-result';

export interface EncryptResultProps {
  result: EncryptionResult;
  /** Held in memory for Verify only; never rendered, never stored. */
  plainText: string;
  config: ConsoleConfig | undefined;
  onBack: () => void;
}

/** The form turned into its outcome: the ciphertext and everything decrypting it needs. */
export function EncryptResult({ result, plainText, config, onBack }: EncryptResultProps) {
  const { t, formatDateTime } = useI18n();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cipherTextRef = useRef<HTMLTextAreaElement>(null);
  const keyIdRef = useRef<HTMLElement>(null);
  const algorithmRef = useRef<HTMLElement>(null);
  const verify = useVerifyRoundTrip();
  const decryptRequest = decryptRequestFor(result);
  const contextEntries = Object.entries(result.encryptionContext);

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
          autosize
          minRows={3}
          maxRows={10}
          styles={{
            input: { fontFamily: 'var(--mantine-font-family-monospace)', wordBreak: 'break-all' },
          }}
          onFocus={(event) => event.currentTarget.select()}
        />

        <Group gap="xl" align="flex-start">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('result.keyId')}
            </Text>
            <Code ref={keyIdRef} className={tone.mono} block={false}>
              {result.keyId}
            </Code>
            <Text size="xs" c="dimmed">
              {[result.keyAlias ?? t('history.unlistedKey'), result.keySpec]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('result.algorithm')}
            </Text>
            <Code ref={algorithmRef}>{result.algorithm}</Code>
          </Stack>
        </Group>

        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('context.legend')}
          </Text>
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
        </Stack>

        <Divider />

        <Group gap="sm">
          <CopyButton
            label={t('result.copyCipherText')}
            value={result.cipherText}
            selectTarget={() => cipherTextRef.current}
            variant="filled"
          />
          <CopyButton
            label={t('result.copyKeyId')}
            value={result.keyId}
            selectTarget={() => keyIdRef.current}
          />
          <CopyButton
            label={t('result.copyAlgorithm')}
            value={result.algorithm}
            selectTarget={() => algorithmRef.current}
          />
        </Group>
        <Group gap="sm">
          <CopyButton
            label={t('result.copyDecryptRequest')}
            value={() => formatJson(decryptRequest)}
          />
          {config && (
            <>
              <CopyButton
                label={t('result.copyCurl')}
                value={() => curlCommand(config, decryptRequest)}
              />
              <CopyButton
                label={t('result.copyHcloud')}
                value={() => hcloudCommand(config, decryptRequest)}
              />
            </>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('result.commandsHint')}
        </Text>

        <Divider />

        <Stack gap="xs">
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<ShieldCheckIcon />}
              loading={verify.isPending}
              onClick={() =>
                verify.mutate({ request: decryptRequest, expectedPlainText: plainText })
              }
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
          {verify.error && (
            <KmsErrorAlert
              title={t('result.verifyFailed')}
              error={
                isApiError(verify.error)
                  ? verify.error
                  : { code: 'CLIENT.NETWORK', message: verify.error.message }
              }
            />
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
