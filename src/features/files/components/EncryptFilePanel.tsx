import { zodResolver } from '@hookform/resolvers/zod';
import { Stack, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { PublicConfig } from '../../../shared/console/config';
import { recordFileEncryption } from '../../history';
import {
  KeyFormFields,
  lastKeyId,
  rememberLastKey,
  symmetricKeyAvailability,
  useKeyForm,
  type KeyFormRules,
} from '../../keys';
import { consoleKeyring } from '../api/kms-keyring';
import { encryptFileToSink } from '../model/envelope-file';
import {
  buildFileFormSchema,
  EMPTY_FILE_FORM,
  fileEncryptionContext,
  type FileFormValues,
} from '../model/file-form';
import { encryptedFileName } from '../model/file-names';
import { FileDropZone } from './FileDropZone';
import { FileJobFooter } from './FileJobFooter';
import { useFilePanel } from './use-file-panel';
import { useFileText, type FileText } from './use-file-text';

function fileFormRules(ft: FileText): KeyFormRules<FileFormValues> {
  return {
    resolverFor: (context) =>
      zodResolver(buildFileFormSchema(context, (spec) => ft('fileMode.notSymmetric', { spec }))),
    algorithmForKnownKey: () => undefined,
    algorithmForPickedKey: () => undefined,
  };
}

export interface EncryptFilePanelProps {
  config?: PublicConfig;
}

/**
 * File mode of the Encrypt page: a KMS data key encrypts the file here, in 1 MiB frames, to a
 * file on disk (File System Access) or a Blob to download. The file never leaves the browser.
 */
export default function EncryptFilePanel({ config }: EncryptFilePanelProps) {
  const { t } = useI18n();
  const ft = useFileText();
  const rules = useMemo(() => fileFormRules(ft), [ft]);
  const [defaultValues] = useState<FileFormValues>(() => ({
    ...EMPTY_FILE_FORM,
    keyId: lastKeyId(),
  }));
  const kit = useKeyForm<FileFormValues>(defaultValues, rules);
  const { form, key } = kit;
  const { job, state, requireFile, done: finished, dropZone } = useFilePanel('encrypt');

  const encrypt = async (values: FileFormValues) => {
    const file = requireFile();
    if (!file) return;
    const encryptionContext = fileEncryptionContext(values);
    const done = await job.run(file, encryptedFileName(file.name), (fileJob) =>
      encryptFileToSink(fileJob, consoleKeyring(values.keyId), encryptionContext),
    );
    if (!done) return;
    rememberLastKey(values.keyId);
    recordFileEncryption({
      createdAt: new Date().toISOString(),
      keyId: values.keyId,
      ...(key?.key_id === values.keyId
        ? { keyAlias: key.key_alias || undefined, keySpec: key.key_spec }
        : {}),
      algorithm: values.algorithm,
      encryptionContext,
      file: { name: file.name, size: file.size, fingerprint: done.header.headerFingerprint },
      ...(values.label.trim() ? { label: values.label.trim() } : {}),
    });
  };

  if (finished) return finished;

  return (
    <form
      onSubmit={form.handleSubmit(encrypt)}
      noValidate
      aria-label={ft('fileMode.encrypt.formLabel')}
    >
      <Stack gap="lg">
        <FileDropZone
          label={ft('fileMode.encrypt.file')}
          hint={ft('fileMode.drop')}
          {...dropZone}
        />
        <KeyFormFields
          kit={kit}
          keyAvailability={symmetricKeyAvailability}
          config={config}
          keyLabel={t('encrypt.keyId')}
          keyRequired
          algorithmLabel={t('encrypt.algorithm')}
          algorithmDescription={ft('fileMode.algorithmHint')}
          contextDescription={t('context.encryptDescription')}
        />
        <TextInput
          label={ft('fileMode.label')}
          description={ft('fileMode.labelHint')}
          autoComplete="off"
          {...form.register('label')}
        />
        <FileJobFooter direction="encrypt" state={state} />
      </Stack>
    </form>
  );
}
