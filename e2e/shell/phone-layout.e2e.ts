import { describe, expect, it } from 'vitest';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import type { Browser, Page } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { signIn } from '../support/sign-in';

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

/** A phone-sized page (390 × 844 unless given, touch) whose browser prefers Korean. */
async function phonePage(viewport = { width: 390, height: 844 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport, isMobile: true, hasTouch: true, extraHTTPHeaders: { 'accept-language': 'ko-KR,ko' } });
  return context.newPage();
}

/**
 * How far the page scrolls sideways, whether the product name in the header, when shown, takes more
 * than one line (at 20 px a line is about 31 px high), and whether the user menu is on the screen.
 */
async function layoutOf(page: Page) {
  const name = page.locator('header p', { hasText: /^Atrium$/ });
  const box = (await name.isVisible()) ? await name.boundingBox() : null;
  const menu = await page.getByTestId('user-menu').boundingBox();
  return {
    overflow: await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    nameWraps: box !== null && box.height > 40,
    userMenuOnScreen: menu !== null && menu.x + menu.width <= 390,
  };
}

describe('[SHELL]: on a phone', () => {
  it('the portal and the console fit the screen: the header keeps the mark without wrapping the name and its menus on the screen, nothing scrolls sideways, no button is cut', async () => {
    // A long name, as real ones are: the switcher cuts it rather than push the menus off the screen.
    const organization = await buildOrganization(server.ctx, { name: '한국남부발전주식회사 영동에코발전본부 제1발전소 운영팀' });
    await buildSite(server.ctx, { organizationId: organization.id, name: 'Yeosu plant' });
    const owner = await buildUser(server.ctx, { email: 'owner@yeosu.example', name: 'Kim Owner' });
    await buildMember(server.ctx, { organizationId: organization.id, userId: owner.id, role: 'owner' });
    const engineer = await buildUser(server.ctx, { email: 'engineer@vendor.example', name: 'Park Engineer', staffRole: 'support_engineer' });

    const portal = await phonePage();
    await signIn(portal, server.url, owner.email, 'ko');
    await portal.waitForURL((url) => url.pathname.startsWith('/portal'));
    for (const path of ['/portal', '/portal/cases', '/portal/knowledge', '/portal/team']) {
      await portal.goto(`${server.url}${path}`);
      await portal.getByRole('main').waitFor();
      await portal.waitForLoadState('networkidle');
      expect(await layoutOf(portal), path).toEqual({ overflow: 0, nameWraps: false, userMenuOnScreen: true });
    }

    const staff = await phonePage();
    await signIn(staff, server.url, engineer.email, 'ko');
    await staff.waitForURL((url) => url.pathname.startsWith('/console'));
    const goTo = staff.getByTestId('go-to-case').getByRole('button');
    await goTo.waitFor();
    expect(await layoutOf(staff)).toEqual({ overflow: 0, nameWraps: false, userMenuOnScreen: true });
    // The button's label fits in it: "열기" is not cut to "열".
    const label = goTo.locator('.mantine-Button-label');
    expect(await label.textContent()).toBe('열기');
    expect(await label.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  });

  it('on a 375 px phone the organization switcher shows a short Korean name whole and keeps room for about eight characters of a long one; the avatar shows the given name', async () => {
    const short = await buildOrganization(server.ctx, { name: 'A석유화학' });
    const long = await buildOrganization(server.ctx, { name: '한국남부발전주식회사 영동에코발전본부' });
    const owner = await buildUser(server.ctx, { email: 'minjun@a-petrochem.example', name: '김민준' });
    await buildMember(server.ctx, { organizationId: short.id, userId: owner.id, role: 'owner' });
    await buildMember(server.ctx, { organizationId: long.id, userId: owner.id, role: 'owner' });

    const page = await phonePage({ width: 375, height: 812 });
    await signIn(page, server.url, owner.email, 'ko');
    const switcher = page.getByTestId('org-switcher');
    const name = switcher.locator('p');
    await switcher.waitFor();
    for (const organization of [short, long]) {
      if ((await switcher.getAttribute('data-organization-id')) !== organization.id) {
        await switcher.click();
        await page.locator(`[data-testid="org-switcher-option"][data-organization-id="${organization.id}"]`).click();
        await expect.poll(() => switcher.getAttribute('data-organization-id')).toBe(organization.id);
        // While the menu closes, the phone's layout viewport is briefly wider than the screen.
        await page.getByTestId('org-switcher-option').first().waitFor({ state: 'hidden' });
      }
      await expect.poll(() => name.textContent()).toBe(organization.name);
      const { cut, width } = await name.evaluate((element) => ({ cut: element.scrollWidth > element.clientWidth, width: element.clientWidth }));
      if (organization === short) expect(cut).toBe(false);
      // Eight Korean characters at 14 px are about 100 px wide.
      else expect(width).toBeGreaterThanOrEqual(100);
    }
    expect(await page.getByTestId('user-menu').locator('.mantine-Avatar-placeholder').textContent()).toBe('민준');
    await expect.poll(() => layoutOf(page)).toMatchObject({ overflow: 0, userMenuOnScreen: true });
  });
});
