import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** The school's blue (as in the e-mails): white text on it passes WCAG AA (11:1). */
const SCHOOL_BLUE = '#0a3a68';
/** Buttons and links: 7.7:1 on white, and white text on it 7.7:1. */
const ACTION_BLUE = '#1a56a0';
/** A focus ring that shows on white, on grey and on the blue bar (3:1 and more against each). */
const FOCUS_RING = '3px solid #f0b400';

/**
 * react-admin's light theme with colours that meet WCAG 2.1 AA (its #2196f3 bar with white text
 * does not), a visible focus on menu items and the skip link, and lists that scroll inside their
 * card instead of widening a phone's page.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: ACTION_BLUE, contrastText: '#fff' },
    secondary: { main: SCHOOL_BLUE, contrastText: '#fff' },
    // MUI's red and light blue are too pale for small text on the form toolbar's grey and on white.
    error: { main: '#b3261e', contrastText: '#fff' },
    info: { main: '#01579b', contrastText: '#fff' },
  },
  components: {
    ...defaultTheme.components,
    RaSkipNavigationButton: {
      styleOverrides: {
        root: {
          backgroundColor: SCHOOL_BLUE,
          color: '#fff',
          outline: FOCUS_RING,
          '&:hover': { backgroundColor: SCHOOL_BLUE, opacity: 1 },
        },
      },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          '&.Mui-focusVisible, &:focus-visible': { outline: FOCUS_RING, outlineOffset: '-3px', backgroundColor: 'rgba(10, 58, 104, 0.12)' },
        },
      },
    },
    // An empty list's message was faded to 2.7:1.
    RaEmpty: {
      styleOverrides: {
        root: { '& .RaEmpty-message': { opacity: 1, color: 'rgba(0, 0, 0, 0.66)' } },
      },
    },
    // react-admin's row checkbox puts its aria-label on the checkbox's span, where it is not
    // allowed, and leaves the input itself without a name: the name goes on the input.
    MuiCheckbox: {
      defaultProps: {
        slotProps: {
          root: () => ({ 'aria-label': undefined }),
          input: (ownerState: { 'aria-label'?: string }) => (ownerState['aria-label'] ? { 'aria-label': ownerState['aria-label'] } : {}),
        },
      },
    },
    RaList: {
      styleOverrides: {
        root: {
          '& .RaList-main': { minWidth: 0 },
          '& .RaList-content': { overflowX: 'auto' },
        },
      },
    },
    RaLayout: {
      styleOverrides: {
        // react-admin makes the layout as wide as its widest table (fit-content): a phone scrolled sideways.
        root: {
          minWidth: 0,
          '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
        },
      },
    },
    MuiButtonBase: {
      defaultProps: { disableRipple: false },
      styleOverrides: {
        root: { '&.Mui-focusVisible': { outline: FOCUS_RING, outlineOffset: '2px' } },
      },
    },
  },
};
