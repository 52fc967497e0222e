import { Button, Group, Text, Textarea } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import type { DecryptDataResponse } from '../../../shared/kms';
import { useI18n } from '../../../lib/i18n';
import { CopyButton, EyeIcon, UnlockIcon } from '../../../components';
import { Panel } from '../../../components/Panel';
import { ResultHeading } from '../../../components/ResultHeading';
import { describePlaintext } from '../model/plaintext-view';

/** The decrypted plaintext, hidden until the operator asks to see it. */
export function DecryptResult({ response }: { response: DecryptDataResponse }) {
  const { t } = useI18n();
  const titleId = useId();
  const valueRef = useRef<HTMLTextAreaElement>(null);
  const [revealed, setRevealed] = useState(false);
  const view = describePlaintext(response.plain_text, response.plain_text_base64);
  const copyValue = view.text ?? view.base64;

  return (
    <Panel labelledBy={titleId}>
      <ResultHeading
        id={titleId}
        title={t('decryptResult.title')}
        icon={UnlockIcon}
        status={t('decryptResult.summary', { keyId: response.key_id, bytes: view.byteLength })}
      />

      {revealed ? (
        view.text !== undefined ? (
          <Textarea
            ref={valueRef}
            label={t('decryptResult.plainText')}
            value={view.text}
            readOnly
            autosize
            minRows={2}
            maxRows={14}
          />
        ) : (
          <Textarea
            ref={valueRef}
            label={t('decryptResult.plainTextBase64')}
            description={t('decryptResult.notPrintable')}
            inputWrapperOrder={['label', 'description', 'input']}
            value={view.base64}
            readOnly
            autosize
            minRows={2}
            maxRows={14}
            styles={{
              input: {
                fontFamily: 'var(--mantine-font-family-monospace)',
                wordBreak: 'break-all',
              },
            }}
          />
        )
      ) : (
        <Text size="sm" c="dimmed">
          {t('decryptResult.hidden')}
        </Text>
      )}

      <Group gap="sm">
        <Button
          variant={revealed ? 'default' : 'filled'}
          leftSection={<EyeIcon />}
          onClick={() => setRevealed((value) => !value)}
        >
          {revealed ? t('decryptResult.hide') : t('decryptResult.reveal')}
        </Button>
        <CopyButton
          label={t('decryptResult.copyPlainText')}
          value={copyValue}
          selectTarget={() => valueRef.current}
        />
      </Group>
    </Panel>
  );
}
