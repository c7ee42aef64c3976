import { createTheme } from '@mantine/core';

// System fonts that render Korean well come before the Latin fallbacks.
const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', 'Noto Sans CJK KR', 'Nanum Gothic', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Atrium's Mantine theme. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  cursorType: 'pointer',
});
