import { Outlet, ScrollRestoration } from 'react-router';
import { ApplyPreferences } from '../features/preferences/apply-preferences';

/** Wraps every route: applies the person's saved preferences and restores scroll on navigation. */
export function RootLayout() {
  return (
    <>
      <ApplyPreferences />
      <Outlet />
      <ScrollRestoration />
    </>
  );
}
