import { createBrowserRouter, type RouteObject } from 'react-router';
import { ComingSoonPage } from '../components/coming-soon-page';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { HomeRedirect } from '../features/auth/home-redirect';
import { RequireAuth } from '../features/auth/require-auth';
import { RequireStaff } from '../features/auth/require-staff';
import { SignInPage } from '../features/auth/sign-in-page';
import { consoleNavItems } from '../features/shell/console-nav-items';
import { FaceLayout } from '../features/shell/face-layout';
import type { NavItem } from '../features/shell/nav-item';
import { NotFoundPage } from '../features/shell/not-found-page';
import { PortalHomePage } from '../features/shell/portal-home-page';
import { portalNavItems } from '../features/shell/portal-nav-items';
import { RootLayout } from './root-layout';
import { RouteErrorPage } from './route-error-page';

/** Pages not built yet: every navbar entry below the face's home shows its "coming soon" page. */
function comingSoonRoutes(facePath: string, items: NavItem[]): RouteObject[] {
  return items
    .filter((item) => !item.end)
    .map((item) => ({ path: item.path.slice(facePath.length + 1), element: <ComingSoonPage feature={item.feature} /> }));
}

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <RequireAuth><HomeRedirect /></RequireAuth> },
      { path: '/sign-in', element: <SignInPage /> },
      {
        path: '/change-password',
        element: (
          <RequireAuth allowPendingPasswordChange>
            <ChangePasswordPage />
          </RequireAuth>
        ),
      },
      {
        path: '/portal',
        element: (
          <RequireAuth>
            <FaceLayout face="portal" navItems={portalNavItems} />
          </RequireAuth>
        ),
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <PortalHomePage /> },
              ...comingSoonRoutes('/portal', portalNavItems),
              { path: '*', element: <NotFoundPage homePath="/portal" /> },
            ],
          },
        ],
      },
      {
        path: '/console',
        element: (
          <RequireAuth>
            <RequireStaff>
              <FaceLayout face="console" navItems={consoleNavItems} />
            </RequireStaff>
          </RequireAuth>
        ),
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <ComingSoonPage feature="console.caseQueue" /> },
              ...comingSoonRoutes('/console', consoleNavItems),
              { path: '*', element: <NotFoundPage homePath="/console" /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
