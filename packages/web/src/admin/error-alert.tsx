import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A refusal or failure, announced to screen readers. The title is darkened: Mantine's light red
 * title on its pink background measures 3.9:1, under the 4.5:1 that WCAG AA asks of body text.
 */
export function ErrorAlert({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Alert color="red" role="alert" title={title} styles={{ title: { color: 'var(--mantine-color-red-9)' } }}>
      {children}
    </Alert>
  );
}
