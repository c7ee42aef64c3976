import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { PageLoader } from '../../components/page-loader';
import type { Face, NavItem } from './nav-item';
import { ShellHeader } from './shell-header';
import { ShellNavbar } from './shell-navbar';

/** The frame shared by the portal and the console: header, navbar, and the page in the middle. */
export function FaceLayout({ face, navItems }: { face: Face; navItems: NavItem[] }) {
  const [isNavbarOpen, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  useEffect(() => close(), [pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !isNavbarOpen } }}
      padding="lg"
      data-face={face}
    >
      <ShellHeader face={face} isNavbarOpen={isNavbarOpen} onToggleNavbar={toggle} />
      <ShellNavbar face={face} items={navItems} onNavigate={close} />
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
