import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { toned, VERDICT_COLOURS } from '../listening/listening-words';

/**
 * The guard's verdict on a variant. Outlined on white: the light variant's pale teal
 * background leaves « Rien à signaler » at 4.4:1, under the 4.5:1 small text needs.
 */
export function VerdictBadge({ verdict, children }: { verdict: string; children: ReactNode }) {
  const colour = VERDICT_COLOURS[verdict] ?? 'gray';
  return (
    <Badge variant="outline" color={colour} styles={toned(colour)}>
      {children}
    </Badge>
  );
}
