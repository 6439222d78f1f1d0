import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../api/types';

/** Dark text on a pale fill with a thick side bar: readable, and not told by colour alone. */
const LOOK: Record<Verdict, { background: string; bar: string; icon: string }> = {
  ok: { background: '#ebfbee', bar: '#2b8a3e', icon: '✓' },
  warn: { background: '#fff9db', bar: '#b35c00', icon: '!' },
  block: { background: '#fff5f5', bar: '#b02525', icon: '✕' },
};

/**
 * The verdict, announced politely to screen readers as it changes. When the guard found no safe
 * rewrite, the hint does not point to one.
 */
export function VerdictBanner({
  verdict,
  noSaferVersion = false,
  hint,
}: {
  verdict: Verdict;
  noSaferVersion?: boolean;
  /** What to say under the verdict instead of the text check's own words (a photo's check). */
  hint?: string;
}) {
  const { t } = useTranslation();
  const look = LOOK[verdict];
  return (
    <Paper
      p="md"
      role="status"
      data-testid="verdict"
      data-verdict={verdict}
      style={{ background: look.background, borderLeft: `6px solid ${look.bar}`, color: '#1a1b1e' }}
    >
      <Text fw={700} fz="lg">
        <span aria-hidden="true">{look.icon} </span>
        {t(`check.verdict.${verdict}`)}
      </Text>
      <Text>
        {hint ??
          (verdict !== 'ok' && noSaferVersion
            ? t('check.verdictHintNoRewrite')
            : t(`check.verdictHint.${verdict}`))}
      </Text>
    </Paper>
  );
}
