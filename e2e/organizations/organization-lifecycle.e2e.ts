import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { signInThroughPage } from '../support/sign-in';
import { findLink } from '../../server/test/smtp-sink';
import { newPage, type Browser, type Page } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

const signIn = (page: Page, email: string, next = '') => signInThroughPage(page, server.url, email, { next });

async function addSite(page: Page, name: string) {
  await page.getByTestId('add-site').click();
  await page.getByTestId('site-form').getByLabel('Site name').fill(name);
  await page.getByTestId('site-form').getByRole('button', { name: /add|save/i }).click();
  await expect.poll(() => page.locator(`[data-testid="site-node"][data-site-name="${name}"]`).count()).toBe(1);
}

describe('[ORGANIZATIONS]: an owner', () => {
  it('creates an organization, adds sites, invites a member who accepts from the email, limits them to one site, and archives it', async () => {
    const owner = await buildUser(server.ctx, { email: 'owner@yeosu.example', name: 'Kim Owner' });
    const invitee = await buildUser(server.ctx, { email: 'engineer@partner.example', name: 'Han Engineer' });
    const page = await newPage(browser, 'en-US,en');
    await signIn(page, owner.email);
    await page.waitForURL((url) => url.pathname.startsWith('/portal'));

    await page.getByRole('button', { name: 'Create an organization' }).first().click();
    await page.getByTestId('create-organization-form').getByLabel('Name').fill('A Petrochemical');
    await page.getByTestId('create-organization-form').getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByTestId('org-switcher').textContent()).toContain('A Petrochemical');

    await page.goto(`${server.url}/portal/sites`);
    await addSite(page, 'Yeosu site');
    await addSite(page, 'Ulsan plant 1');

    await page.goto(`${server.url}/portal/team`);
    await page.getByTestId('invite-member').click();
    await page.getByTestId('invite-form').getByLabel('Email').fill(invitee.email);
    await page.getByTestId('invite-form').getByRole('button', { name: 'Send invitation' }).click();
    const mail = await server.waitForMail(invitee.email);
    const link = findLink(mail, '/invitations/accept');

    const inviteePage = await newPage(browser, 'en-US,en');
    await signIn(inviteePage, invitee.email, new URL(link).pathname + new URL(link).search);
    await inviteePage.waitForURL(/\/invitations\/accept/);
    await inviteePage.getByTestId('accept-invitation').click();
    await inviteePage.waitForURL((url) => url.pathname.startsWith('/portal'));
    await expect.poll(() => inviteePage.getByTestId('org-switcher').textContent()).toContain('A Petrochemical');
    // A viewer may not see cases: no Cases in the navbar, and the page says why instead of failing.
    await inviteePage.goto(`${server.url}/portal/cases`);
    await inviteePage.getByTestId('cases-forbidden').waitFor();
    expect(await inviteePage.getByTestId('cases-forbidden').textContent()).toContain('does not include support cases');
    expect(await inviteePage.getByRole('navigation').getByRole('link', { name: 'Cases' }).count()).toBe(0);
    expect(await inviteePage.getByRole('navigation').getByRole('link', { name: 'Products' }).count()).toBe(1);
    // A link straight to a case (from an email, a colleague) says the same, not a bare permission error.
    await inviteePage.goto(`${server.url}/portal/cases/${randomUUID()}`);
    await inviteePage.getByTestId('cases-forbidden').waitFor();
    expect(await inviteePage.getByTestId('cases-forbidden').textContent()).toContain('does not include support cases');
    await expect.poll(() => page.getByRole('navigation').getByRole('link', { name: 'Cases' }).count()).toBe(1);

    await page.reload();
    const row = page.locator(`[data-testid="member-row"][data-email="${invitee.email}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('edit-member').click();
    const form = page.getByTestId('member-form');
    await form.getByTestId('site-access').locator('input').click();
    await page.getByRole('option', { name: /Ulsan plant 1/ }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: /save/i }).click();
    await expect.poll(() => row.textContent()).toContain('Ulsan plant 1');
    expect(await row.textContent()).not.toContain('Yeosu site');

    await page.goto(`${server.url}/portal/organization`);
    const organizationId = ((await page.getByTestId('organization-id').textContent()) ?? '').trim();
    expect(organizationId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByTestId('archive-confirm-id').fill(organizationId);
    await page.getByTestId('archive-understood').check();
    await page.getByTestId('archive-submit').click();
    await page.waitForURL((url) => url.pathname === '/portal' || url.pathname === '/portal/');
    await page.getByTestId('org-switcher').click();
    await expect.poll(() => page.getByTestId('org-switcher-option').filter({ hasText: 'A Petrochemical' }).count()).toBe(0);
    await page.context().close();
    await inviteePage.context().close();
  });

  it('deletes a site after reading what goes with it, and the page asks nothing more of the deleted site', async () => {
    const owner = await buildUser(server.ctx, { email: 'owner@deletes-sites.example', name: 'Lee Owner' });
    const organization = await buildOrganization(server.ctx, { name: 'Site Cleanup Co' });
    await buildMember(server.ctx, { organizationId: organization.id, userId: owner.id, role: 'owner' });
    const kept = await buildSite(server.ctx, { organizationId: organization.id, name: 'Kept plant' });
    const doomed = await buildSite(server.ctx, { organizationId: organization.id, name: 'Old warehouse' });
    const page = await newPage(browser, 'en-US,en');
    await signIn(page, owner.email, '/portal/sites');
    const failures: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });

    const node = page.locator(`[data-testid="site-node"][data-site-id="${doomed.id}"]`);
    await node.getByTestId('delete-site').first().click();
    await page.getByTestId('site-impact').waitFor();
    await page.getByTestId('delete-site-understood').check();
    await page.getByTestId('confirm-delete-site').click();
    await expect.poll(() => node.count()).toBe(0);
    expect(await page.locator(`[data-testid="site-node"][data-site-id="${kept.id}"]`).count()).toBe(1);
    // The list is read again; the deleted site's impact, still on screen as the dialog closed, is not (it would answer 404).
    await page.waitForLoadState('networkidle');
    expect(failures).toEqual([]);
    await page.context().close();
  });
});
