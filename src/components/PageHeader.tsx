import { Stack, Text, Title } from '@mantine/core';

export interface PageHeaderProps {
  title: string;
  intro: string;
  /** For a section the title labels (aria-labelledby). */
  titleId?: string;
}

/** A page's h1 and its one-line introduction; the h1 takes focus on navigation (FocusPageTitle). */
export function PageHeader({ title, intro, titleId }: PageHeaderProps) {
  return (
    <Stack gap={4}>
      <Title order={1} id={titleId} tabIndex={-1} data-page-title>
        {title}
      </Title>
      <Text c="dimmed">{intro}</Text>
    </Stack>
  );
}
