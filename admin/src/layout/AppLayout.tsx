import { useEffect, type ReactNode } from 'react';
import { Layout, Loading, usePermissions, useTranslate } from 'react-admin';
import { mayUseConsole } from '../auth/access';
import { NoAccess } from './NoAccess';

/** react-admin's layout for those who may use the console; the no-access page for everyone else. */
export const AppLayout = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions();
  useEffect(() => {
    document.title = translate('mps.app.title');
  }, [translate]);
  if (isPending) return <Loading />;
  if (!mayUseConsole(permissions)) return <NoAccess />;
  return <Layout>{children}</Layout>;
};
