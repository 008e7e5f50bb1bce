import { ApolloProvider } from '@apollo/client/react';
import { Navigate, RouterProvider, createBrowserRouter, useLocation } from 'react-router';
import { apolloClient } from './apollo';
import { Layout } from './components/Layout';
import { CatalogPage } from './pages/CatalogPage';
import { CoursePage } from './pages/CoursePage';
import { HelpPage } from './pages/HelpPage';
import { HomePage } from './pages/HomePage';
import { MaterialsPage } from './pages/MaterialsPage';
import { QuestionsPage } from './pages/QuestionsPage';
import { MyTrainingPage } from './pages/MyTrainingPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProfilePage } from './pages/ProfilePage';
import { QuestionnairePage } from './evaluation/QuestionnairePage';
import { KnowledgeTestPage } from './evaluation/KnowledgeTestPage';
import { VerifyCertificatePage } from './certificates/VerifyCertificatePage';

/** /catalog is the English alias of /katalogs; the search goes along. */
function CatalogAlias() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/katalogs', search }} replace />;
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'katalogs', element: <CatalogPage /> },
      { path: 'catalog', element: <CatalogAlias /> },
      { path: 'kursi/:id', element: <CoursePage /> },
      { path: 'manas-macibas', element: <MyTrainingPage /> },
      { path: 'vertejums/:groupId', element: <QuestionnairePage /> },
      { path: 'testi/:id', element: <KnowledgeTestPage /> },
      { path: 'profils', element: <ProfilePage /> },
      { path: 'sertifikats/:code', element: <VerifyCertificatePage /> },
      { path: 'materiali', element: <MaterialsPage /> },
      { path: 'jautajumi', element: <QuestionsPage /> },
      { path: 'palidziba', element: <HelpPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <ApolloProvider client={apolloClient}>
      <RouterProvider router={router} />
    </ApolloProvider>
  );
}
