import { Admin, localStorageStore } from 'react-admin';
import { createApolloClient } from './apollo';
import { createAuthProvider } from './auth/authProvider';
import { createDataProvider } from './data/dataProvider';
import { createI18nProvider } from './i18n/i18nProvider';
import { AppLayout, ConsoleLoadingPage } from './layout/AppLayout';
import { Dashboard } from './layout/Dashboard';
import { NotFound } from './layout/NotFound';
import { theme } from './layout/theme';
import { resourcesFor } from './resources/consoleResources';

const i18nProvider = createI18nProvider();
const apollo = createApolloClient(() => i18nProvider.getLocale());
const dataProvider = createDataProvider(apollo, i18nProvider.translate);
const authProvider = createAuthProvider(apollo);
// Separate from anything else stored for this origin (the portal lives on the same one).
const store = localStorageStore('1', 'mps-admin');

export const App = () => (
  // Hash routing (/admin/#/courses/…): deep links work without the server knowing the console's routes.
  <Admin
    title="mps.app.title"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={AppLayout}
    loading={ConsoleLoadingPage}
    theme={theme}
    dashboard={Dashboard}
    catchAll={NotFound}
    loginPage={false}
    requireAuth
    disableTelemetry
  >
    {resourcesFor}
  </Admin>
);
