import { Outlet, ScrollRestoration } from 'react-router';
import { IdleSignOut } from '../features/auth/idle-sign-out';
import { ApplyPreferences } from '../features/preferences/apply-preferences';

/** Wraps every route: applies the person's saved preferences, watches for idleness, restores scroll on navigation. */
export function RootLayout() {
  return (
    <>
      <ApplyPreferences />
      <IdleSignOut />
      <Outlet />
      <ScrollRestoration />
    </>
  );
}
