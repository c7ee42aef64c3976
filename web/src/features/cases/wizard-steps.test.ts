import { MantineProvider } from '@mantine/core';
import type { CaseWizardOptions } from '@common/schemas/cases';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createInstance } from 'i18next';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import ko from '../../locales/ko/translation.json';
import { WizardDetailsStep } from './wizard-details-step';
import { canLeaveStep, emptyWizardForm, type WizardForm } from './wizard-form';
import { WizardProductStep } from './wizard-product-step';

const SITE = '00000000-0000-4000-8000-000000000001';
const PERSON = '00000000-0000-4000-8000-000000000002';

const i18n = createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
});

/** The element's HTML in the language, without the style elements MantineProvider adds. */
function render(element: ReactElement, language = 'en'): string {
  const tree = createElement(
    I18nextProvider,
    { i18n: i18n.cloneInstance({ lng: language }) },
    createElement(QueryClientProvider, { client: new QueryClient() }, createElement(MantineProvider, null, element)),
  );
  return renderToStaticMarkup(tree).replace(/<style data-mantine-styles="[^"]*">[^<]*<\/style>/g, '');
}

type Site = CaseWizardOptions['sites'][number];
type Contract = Site['contract'];
const contracts = {
  active: { state: 'active', endsAt: '2030-01-01T00:00:00.000Z', graceEndsAt: '2030-01-31T00:00:00.000Z', daysLeft: 1000, allowsAccess: true, warning: false },
  none: { state: 'none', endsAt: null, graceEndsAt: null, daysLeft: null, allowsAccess: false, warning: true },
  expired: { state: 'expired', endsAt: '2024-01-01T00:00:00.000Z', graceEndsAt: '2024-01-31T00:00:00.000Z', daysLeft: -400, allowsAccess: false, warning: true },
} satisfies Record<string, Contract>;

const site = (contract: Contract): Site => ({ id: SITE, name: 'Ulsan plant', contract, families: [] });
const noTeam: CaseWizardOptions['accountTeam'] = { accountManager: null, successManager: null };
const options = (contract: Contract, accountTeam = noTeam): CaseWizardOptions => ({ sites: [site(contract)], categories: ['technical_support'], accountTeam, defaultLanguage: 'en', attachmentMaxBytes: 1024 });
const chosen: WizardForm = { ...emptyWizardForm('en'), siteId: SITE, category: 'technical_support' };
const productStep = (opts: CaseWizardOptions, language = 'en') => render(createElement(WizardProductStep, { options: opts, form: chosen, onChange: () => undefined }), language);

describe('WizardDetailsStep', () => {
  const CONTROL_CHARACTERS = 'Control characters (such as a NUL or a tab) are not allowed.';
  const details = (serverErrors: Partial<Record<'subject' | 'description', string>>) =>
    render(
      createElement(WizardDetailsStep, {
        organizationId: 'o',
        wizardId: 'w',
        form: { ...chosen, subject: 'Logs', description: '\u001b[31mERROR' },
        onChange: () => undefined,
        attachments: { items: [], add: () => undefined, remove: () => undefined },
        attachmentMaxBytes: 1024,
        showErrors: false,
        serverErrors,
      }),
    );

  it('shows the server’s message under the field it is about, and marks that field invalid', () => {
    const html = details({ description: CONTROL_CHARACTERS });
    expect(html).toContain(CONTROL_CHARACTERS);
    expect(html).toMatch(/<textarea(?=[^>]*data-testid="wizard-description")(?=[^>]*aria-invalid="true")[^>]*>/);
    expect(html).not.toMatch(/<input(?=[^>]*data-testid="wizard-subject")(?=[^>]*aria-invalid="true")[^>]*>/);
  });

  it('shows no message when the server found nothing wrong', () => {
    expect(details({})).not.toContain(CONTROL_CHARACTERS);
  });
});

describe('WizardProductStep', () => {
  it('says only that a site without a contract cannot take cases until it has one, with nothing to choose', () => {
    const html = productStep(options(contracts.none));
    expect(html).toContain('data-testid="contract-advice"');
    expect(html).toContain(en.cases.contract.cannotSubmitWithoutContract);
    expect(html).not.toContain('renewed');
    expect(html).not.toContain(en.cases.wizard.noProducts.replaceAll('"', '&quot;'));
    expect(html).not.toContain('No products are registered');
    expect(html).not.toContain('data-testid="wizard-family"');
    expect(productStep(options(contracts.none), 'ko')).toContain(ko.cases.contract.cannotSubmitWithoutContract);
  });

  it('asks to renew a contract that has ended', () => {
    const html = productStep(options(contracts.expired));
    expect(html).toContain(en.cases.contract.cannotSubmit);
    expect(html).not.toContain(en.cases.contract.cannotSubmitWithoutContract);
    expect(html).not.toContain('No products are registered');
  });

  it('shows no account team the organization does not have, nor sends people to one', () => {
    const html = productStep(options(contracts.none));
    expect(html).not.toContain(en.cases.contract.accountTeam);
    expect(html).not.toContain('data-testid="account-team"');
    expect(html).not.toContain('your account team');
    expect(html).toContain(en.cases.contract.noAccountTeamWithoutContract);
    const team = { accountManager: { id: PERSON, name: 'Jiwoo Park', email: 'jiwoo@vendor.example' }, successManager: null };
    const withTeam = productStep(options(contracts.none, team));
    expect(withTeam).toContain(en.cases.contract.accountTeam);
    expect(withTeam).toContain('Jiwoo Park');
    expect(withTeam).toContain(en.cases.contract.body.none);
  });

  it('offers "Not sure" for a site with a contract and no products', () => {
    const html = productStep(options(contracts.active));
    expect(html).toContain('No products are registered');
    expect(html).toContain('data-testid="wizard-family"');
    expect(html).not.toContain('data-testid="contract-advice"');
  });
});

describe('canLeaveStep', () => {
  it('never goes past the product step for a site that cannot take cases', () => {
    expect(canLeaveStep(0, site(contracts.none))).toBe(true);
    expect(canLeaveStep(1, site(contracts.none))).toBe(false);
    expect(canLeaveStep(1, site(contracts.expired))).toBe(false);
    expect(canLeaveStep(1, site(contracts.active))).toBe(true);
    expect(canLeaveStep(1, undefined)).toBe(true);
  });
});
