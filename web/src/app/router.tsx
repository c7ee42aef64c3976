import { createBrowserRouter, type RouteObject } from 'react-router';
import { ComingSoonPage } from '../components/coming-soon-page';
import { AccountPage } from '../features/account/account-page';
import { ConsoleActivityPage } from '../features/activity/console-activity-page';
import { OrganizationActivityPage } from '../features/activity/organization-activity-page';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { ForgotPasswordPage } from '../features/auth/forgot-password-page';
import { HomeRedirect } from '../features/auth/home-redirect';
import { RegisterPage } from '../features/auth/register-page';
import { RequireAuth } from '../features/auth/require-auth';
import { RequireStaff } from '../features/auth/require-staff';
import { ResetPasswordPage } from '../features/auth/reset-password-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { VerifyEmailPage } from '../features/auth/verify-email-page';
import { ConsoleCasePage } from '../features/case-queue/console-case-page';
import { CasesPage } from '../features/cases/cases-page';
import { NewCasePage } from '../features/cases/new-case-page';
import { PortalCasePage } from '../features/cases/portal-case-page';
import { CatalogPage } from '../features/catalog/catalog-page';
import { CatalogProductPage } from '../features/catalog/catalog-product-page';
import { CustomerDetailPage } from '../features/customers/customer-detail-page';
import { CustomersPage } from '../features/customers/customers-page';
import { SetupTwoStepPage } from '../features/mfa/setup-two-step-page';
import { ArticlePage } from '../features/knowledge/article-page';
import { ConsoleArticlePage } from '../features/knowledge/console-article-page';
import { ConsoleKnowledgePage } from '../features/knowledge/console-knowledge-page';
import { KnowledgePage } from '../features/knowledge/knowledge-page';
import { PublicArticlePage } from '../features/knowledge/public-article-page';
import { SearchPage } from '../features/search/search-page';
import { ContactPage } from '../features/organizations/contact-page';
import { OrganizationSettingsPage } from '../features/organizations/organization-settings-page';
import { SettingsPage } from '../features/settings/settings-page';
import { ConsoleHome } from '../features/shell/console-home';
import { consoleNavItems } from '../features/shell/console-nav-items';
import { FaceLayout } from '../features/shell/face-layout';
import type { NavItem } from '../features/shell/nav-item';
import { NotFoundPage } from '../features/shell/not-found-page';
import { PortalHomePage } from '../features/home/portal-home-page';
import { ProductDetailPage } from '../features/products/product-detail-page';
import { ProductsPage } from '../features/products/products-page';
import { portalNavItems } from '../features/shell/portal-nav-items';
import { SitesPage } from '../features/sites/sites-page';
import { InvitationAcceptPage } from '../features/team/invitation-accept-page';
import { TeamPage } from '../features/team/team-page';
import { RootLayout } from './root-layout';
import { RouteErrorPage } from './route-error-page';

/** Pages not built yet: every navbar entry below the face's home that `built` does not list shows its "coming soon" page. */
function comingSoonRoutes(facePath: string, items: NavItem[], built: RouteObject[] = []): RouteObject[] {
  const builtPaths = new Set(built.map((route) => route.path));
  return items
    .filter((item) => !item.end)
    .map((item) => ({ path: item.path.slice(facePath.length + 1), element: <ComingSoonPage feature={item.feature} /> }))
    .filter((route) => !builtPaths.has(route.path));
}

const portalPages: RouteObject[] = [
  { path: 'account', element: <AccountPage /> },
  { path: 'products', element: <ProductsPage /> },
  { path: 'products/:siteId/:productId', element: <ProductDetailPage /> },
  { path: 'cases', element: <CasesPage /> },
  { path: 'cases/new', element: <NewCasePage /> },
  { path: 'cases/:caseId', element: <PortalCasePage /> },
  { path: 'knowledge', element: <KnowledgePage /> },
  { path: 'knowledge/:articleId', element: <ArticlePage /> },
  { path: 'search', element: <SearchPage face="portal" /> },
  { path: 'team', element: <TeamPage /> },
  { path: 'sites', element: <SitesPage /> },
  { path: 'organization', element: <OrganizationSettingsPage /> },
  { path: 'activity', element: <OrganizationActivityPage /> },
  { path: 'contact', element: <ContactPage /> },
];

const consolePages: RouteObject[] = [
  { path: 'account', element: <AccountPage /> },
  { path: 'customers', element: <CustomersPage /> },
  { path: 'customers/:organizationId', element: <CustomerDetailPage /> },
  { path: 'cases/:organizationId/:caseId', element: <ConsoleCasePage /> },
  { path: 'knowledge', element: <ConsoleKnowledgePage /> },
  { path: 'knowledge/:articleId', element: <ConsoleArticlePage /> },
  { path: 'search', element: <SearchPage face="console" /> },
  { path: 'catalog', element: <CatalogPage /> },
  { path: 'catalog/products/:productId', element: <CatalogProductPage /> },
  { path: 'activity', element: <ConsoleActivityPage /> },
  { path: 'settings', element: <SettingsPage /> },
];

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <RequireAuth><HomeRedirect /></RequireAuth> },
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/verify-email', element: <VerifyEmailPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      // A public knowledge article: anyone may read it, signed in or not.
      { path: '/kb/:articleId', element: <PublicArticlePage /> },
      // Works signed in or not: it looks the invitation up, then offers to accept, sign in or register.
      { path: '/invitations/accept', element: <InvitationAcceptPage /> },
      {
        path: '/change-password',
        element: (
          <RequireAuth allowPending="password-change">
            <ChangePasswordPage />
          </RequireAuth>
        ),
      },
      {
        path: '/setup-two-step',
        element: (
          <RequireAuth allowPending="mfa-enrollment">
            <SetupTwoStepPage />
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
              ...portalPages,
              ...comingSoonRoutes('/portal', portalNavItems, portalPages),
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
              { index: true, element: <ConsoleHome /> },
              ...consolePages,
              ...comingSoonRoutes('/console', consoleNavItems, consolePages),
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
