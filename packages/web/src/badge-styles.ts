/**
 * Mantine truncates badge labels with an ellipsis; a severity or a deadline cut to « N3 · gra… »
 * is useless, so badges show their whole label (wrapping if they must) and are not uppercased.
 */
export const WHOLE_LABEL = {
  root: { height: 'auto', maxWidth: '100%', textTransform: 'none' as const },
  label: { overflow: 'visible', whiteSpace: 'normal' as const, lineHeight: 1.4 },
};
