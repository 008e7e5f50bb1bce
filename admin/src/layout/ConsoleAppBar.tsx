import { useEffect } from 'react';
import { AppBar, Logout, TitlePortal, UserMenu, useGetIdentity, useTranslate } from 'react-admin';

/**
 * The bar's page title is the page's h1 (react-admin puts it in a span) and the browser tab's
 * title; the user menu's accessible name holds the name it shows (WCAG 2.5.3, "label in name").
 */
export const ConsoleAppBar = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const label = identity?.fullName ? translate('mps.userMenu', { name: identity.fullName }) : 'ra.auth.user_menu';
  const consoleName = translate('mps.app.title');

  // Pages set their title through a portal into the h1; the tab follows it.
  useEffect(() => {
    const heading = document.getElementById('react-admin-title');
    if (!heading) return;
    const follow = () => {
      const page = heading.textContent?.trim();
      document.title = page && page !== consoleName ? `${page} · ${consoleName}` : consoleName;
    };
    const observer = new MutationObserver(follow);
    observer.observe(heading, { childList: true, subtree: true, characterData: true });
    follow();
    return () => observer.disconnect();
  }, [consoleName]);

  return (
    <AppBar
      userMenu={
        <UserMenu label={label}>
          <Logout />
        </UserMenu>
      }
    >
      <TitlePortal component="h1" />
    </AppBar>
  );
};
