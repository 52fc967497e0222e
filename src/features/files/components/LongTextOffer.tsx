import { Alert, Button, Text } from '@mantine/core';
import { LockIcon } from '../../../components';
import { useFileText } from './use-file-text';

export interface LongTextOfferProps {
  bytes: number;
  limit: number;
  onEncrypt: () => void;
}

/** Under a text too long for encrypt-data: the way forward instead of a dead end. */
export default function LongTextOffer({ bytes, limit, onEncrypt }: LongTextOfferProps) {
  const ft = useFileText();
  return (
    <Alert variant="light" color="blue">
      <Text size="sm" mb="xs">
        {ft('fileMode.longText.offer', { bytes, limit })}
      </Text>
      <Button size="xs" leftSection={<LockIcon size={14} />} onClick={onEncrypt}>
        {ft('fileMode.longText.submit')}
      </Button>
    </Alert>
  );
}
