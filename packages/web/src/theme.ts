import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Calm and readable: a deep blue (shade 8 passes WCAG AA for white text and for links on white),
 * text colours picked automatically against filled backgrounds, focus rings on keyboard focus.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  autoContrast: true,
  luminanceThreshold: 0.35,
  focusRing: 'auto',
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
});

/** Mantine's default « dimmed » grey (descriptions, hints) is below 4.5:1 on white: darkened. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#6c757d' },
  dark: {},
});
