import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled section of the incident page; the heading names the region for screen readers. */
export function DeskPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}
