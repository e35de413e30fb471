// The Mantine theme: calm neutrals, one accent, comfortable density for long working days; colours
// that read at WCAG AA (4.5:1) in light and dark, and a name on every close button.
import {
  Alert,
  createTheme,
  darken,
  luminance,
  type CSSVariablesResolver,
  type DrawerProps,
  type MantineColorsTuple,
  type ModalProps,
} from '@mantine/core';
import { rescueLostFocus } from './features/shell/focus';

const CLOSE = { 'aria-label': 'Close' };
/**
 * A dialog's header is not the page's banner landmark; a closed dialog never leaves focus lost. Given
 * by type, not through Modal.extend/Drawer.extend (identities): the theme would otherwise bring the
 * dialogs' code into the first screen, which shows none.
 */
const DIALOG_DEFAULTS = {
  closeButtonProps: CLOSE,
  attributes: { header: { role: 'none' } },
  /** Once the closed dialog has left the page (its focused button with it). */
  onExitTransitionEnd: () => void setTimeout(rescueLostFocus),
};

export const theme = createTheme({
  primaryColor: 'indigo',
  /** indigo.7 / indigo.8 carry white text at ≥ 4.9:1 (indigo.6 gives 4.3:1). */
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
  focusRing: 'auto',
  components: {
    Modal: { defaultProps: DIALOG_DEFAULTS satisfies Partial<ModalProps> },
    Drawer: { defaultProps: DIALOG_DEFAULTS satisfies Partial<DrawerProps> },
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: 'Dismiss' } }),
  },
});

/** WCAG contrast of white text on a colour. */
const whiteContrast = (color: string) => 1.05 / (luminance(color) + 0.05);
const AA_TEXT = 4.6;

/**
 * The filled variant's background (buttons, theme icons) for white text: the first of shades 7–9
 * reading at AA, else shade 9 darkened until it does (green, lime, yellow, orange).
 */
function filledFor(shades: MantineColorsTuple): string {
  const shade = [shades[7], shades[8], shades[9]].find((color) => whiteContrast(color) >= AA_TEXT);
  if (shade) return shade;
  let amount = 0.05;
  while (whiteContrast(darken(shades[9], amount)) < AA_TEXT) amount += 0.05;
  return darken(shades[9], amount);
}

/**
 * The light variant's text (badges, light buttons, the active navigation item) on its pale shade
 * 1 or 2 background: Mantine's shade 9 reads at 2.5–4.3:1 for teal, green, yellow, orange and
 * indigo on hover; darkened by 30 % every colour reads at ≥ 4.5:1.
 */
const LIGHT_VARIANT_DARKEN = 0.3;

const perColor = (
  colors: Record<string, MantineColorsTuple>,
  variable: (name: string) => string,
  value: (shades: MantineColorsTuple) => string,
) => Object.fromEntries(Object.entries(colors).map(([name, shades]) => [variable(name), value(shades)]));

/**
 * Dimmed (secondary) text: Mantine's #868e96 on white is 3.3:1 and #828282 on #242424 is 4.0:1;
 * these read at ≥ 5.4:1 on the body and on the light paper and hover greys of each scheme. The
 * error red and the filled colours are darkened in light, lightened in dark, to read at AA too.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const filled = perColor(resolved.colors, (name) => `--mantine-color-${name}-filled`, filledFor);
  const filledHover = perColor(
    resolved.colors,
    (name) => `--mantine-color-${name}-filled-hover`,
    (shades) => darken(filledFor(shades), 0.1),
  );
  return {
    variables: {},
    light: {
      '--mantine-color-dimmed': '#5c636a',
      '--mantine-color-error': resolved.colors.red[9],
      ...filled,
      ...filledHover,
      ...perColor(
        resolved.colors,
        (name) => `--mantine-color-${name}-light-color`,
        (shades) => darken(shades[9], LIGHT_VARIANT_DARKEN),
      ),
    },
    dark: {
      '--mantine-color-dimmed': '#adadad',
      '--mantine-color-error': resolved.colors.red[4],
      ...filled,
      ...filledHover,
    },
  };
};
