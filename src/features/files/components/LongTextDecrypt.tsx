import { Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CopyButton } from '../../../components';
import { decryptLongText } from '../model/long-text';
import { FileFailureAlert } from './FileFailureAlert';
import { LongTextPanel } from './LongTextPanel';
import { useFileText } from './use-file-text';

type State =
  { phase: 'working' } | { phase: 'done'; text: string } | { phase: 'failed'; error: unknown };

/** Decrypts an armored envelope pasted on the Decrypt page (Text mode) and shows its text. */
export default function LongTextDecrypt({ armored }: { armored: string }) {
  const ft = useFileText();
  const [state, setState] = useState<State>({ phase: 'working' });

  useEffect(() => {
    let current = true;
    setState({ phase: 'working' });
    decryptLongText(armored).then(
      ({ text }) => current && setState({ phase: 'done', text }),
      (error: unknown) => current && setState({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [armored]);

  if (state.phase === 'working') return <Loader size="sm" />;
  if (state.phase === 'failed') {
    return <FileFailureAlert title={ft('fileMode.longText.failed')} error={state.error} />;
  }
  return (
    <LongTextPanel
      label={ft('fileMode.longText.decrypted')}
      hint={ft('fileMode.longText.decryptedHint')}
      value={state.text}
    >
      <CopyButton label={ft('fileMode.longText.copyPlain')} value={state.text} />
    </LongTextPanel>
  );
}
