import { useMediaQuery, type Theme } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { Layout, Loading, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { mayUseConsole } from '../auth/access';
import { ConsoleAppBar } from './ConsoleAppBar';
import { NoAccess } from './NoAccess';

/** react-admin's layout for those who may use the console; the no-access page for everyone else. */
export const AppLayout = ({ children }: { children: ReactNode }) => {
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
