import { ThemeProvider, useMediaQuery, type Theme } from '@mui/material';
import { useCallback, useEffect, type ReactNode } from 'react';
import { Layout, Loading, LoadingPage, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { mayUseConsole } from '../auth/access';
import { ConsoleAppBar } from './ConsoleAppBar';
import { NoAccess } from './NoAccess';

/** react-admin's layout for those who may use the console; the no-access page for everyone else. */
export const AppLayout = ({ children }: { children: ReactNode }) => (
  <NamedProgress>
    <AllowedLayout>{children}</AllowedLayout>
  </NamedProgress>
);

/** What shows while the console starts (signing in is checked), its spinner named too. */
export const ConsoleLoadingPage = () => (
  <NamedProgress>
    <LoadingPage />
  </NamedProgress>
);

const AllowedLayout = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions();
  const allowed = !isPending && mayUseConsole(permissions);
  useEffect(() => {
    // The console's pages name the tab themselves (ConsoleAppBar).
    if (!allowed) document.title = translate('mps.app.title');
  }, [translate, allowed]);
  if (isPending) return <Loading />;
  if (!allowed) return <NoAccess />;
  return (
    <Layout appBar={ConsoleAppBar}>
      <SmallScreenMenu />
      {children}
    </Layout>
  );
};

/**
 * Every progress bar and spinner named in the user's language: react-admin draws them unnamed while
 * a reference, a tab or a list loads, and a screen reader then announces a nameless "progress bar".
 */
const NamedProgress = ({ children }: { children: ReactNode }) => {
  const label = useTranslate()('ra.page.loading');
  const theme = useCallback(
    (outer: Theme): Theme => ({
      ...outer,
      components: {
        ...outer.components,
        MuiLinearProgress: {
          ...outer.components?.MuiLinearProgress,
          defaultProps: { ...outer.components?.MuiLinearProgress?.defaultProps, 'aria-label': label },
        },
        MuiCircularProgress: {
          ...outer.components?.MuiCircularProgress,
          defaultProps: { ...outer.components?.MuiCircularProgress?.defaultProps, 'aria-label': label },
        },
      },
    }),
    [label],
  );
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
};

/**
 * On a phone the menu is a drawer over the content: it starts closed there, whatever a wider
 * screen left in the stored state, and opens only when asked (react-admin closes it on navigation).
 */
const SmallScreenMenu = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [, setOpen] = useSidebarState();
  useEffect(() => {
    if (small) setOpen(false);
  }, [small, setOpen]);
  return null;
};
