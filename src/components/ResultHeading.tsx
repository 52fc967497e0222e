import { Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ComponentType, type CSSProperties } from 'react';
import tone from './tone.module.css';

export interface ResultHeadingProps {
  id: string;
  title: string;
  icon: ComponentType<{ size?: number; style?: CSSProperties }>;
  status: string;
}

/**
 * The heading of an outcome that replaced its form, with its one-line status. It takes
 * keyboard and screen-reader focus when it appears, so neither is left on a vanished button.
 */
export function ResultHeading({ id, title, icon: Icon, status }: ResultHeadingProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Stack gap={4}>
      <Title order={2} id={id} ref={headingRef} tabIndex={-1}>
        {title}
      </Title>
      <Text size="sm" className={tone.success}>
        <Icon size={14} style={{ verticalAlign: '-2px', marginRight: 4 }} />
        {status}
      </Text>
    </Stack>
  );
}
