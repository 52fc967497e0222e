import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ArrowLeftIcon, CopyButton } from '../../../components';
import { useI18n } from '../../../lib/i18n';
import type { EncryptionContext } from '../../../shared/envelope';
import { encryptLongText } from '../model/long-text';
import { FileFailureAlert } from './FileFailureAlert';
import { LongTextPanel } from './LongTextPanel';
import { useFileText } from './use-file-text';

export interface LongTextRequest {
  keyId: string;
  plainText: string;
  encryptionContext: EncryptionContext;
}

export interface LongTextEnvelopeProps {
  request: LongTextRequest;
  onBack: () => void;
}

type State =
  { phase: 'working' } | { phase: 'done'; armored: string } | { phase: 'failed'; error: unknown };

/** Encrypts a long text as an armored envelope and shows it with its copy buttons. */
export default function LongTextEnvelope({ request, onBack }: LongTextEnvelopeProps) {
  const { t } = useI18n();
  const ft = useFileText();
  const [state, setState] = useState<State>({ phase: 'working' });

  useEffect(() => {
    let current = true;
    encryptLongText(request.keyId, request.plainText, request.encryptionContext).then(
      (armored) => current && setState({ phase: 'done', armored }),
      (error: unknown) => current && setState({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [request]);

  const back = (
    <Button variant="default" leftSection={<ArrowLeftIcon />} onClick={onBack}>
      {ft('fileMode.longText.back')}
    </Button>
  );
  if (state.phase === 'working') return <Loader size="sm" />;
  if (state.phase === 'failed') {
    return (
      <Stack gap="md">
        <FileFailureAlert title={ft('fileMode.encrypt.failed')} error={state.error} />
        <Group>{back}</Group>
      </Stack>
    );
  }
  return (
    <LongTextPanel
      label={ft('fileMode.longText.result')}
      hint={ft('fileMode.longText.resultHint')}
      value={state.armored}
    >
      <Alert variant="light" color="gray">
        <Text size="sm">
          {t('encrypt.keyId')}: {request.keyId}
        </Text>
      </Alert>
      <Group>
        <CopyButton label={ft('fileMode.longText.copy')} value={state.armored} variant="filled" />
        <CopyButton label={t('result.copyKeyId')} value={request.keyId} />
        {back}
      </Group>
    </LongTextPanel>
  );
}
