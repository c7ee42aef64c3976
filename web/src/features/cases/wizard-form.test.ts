import type { CaseWizardOptions } from '@common/schemas/cases';
import { describe, expect, it } from 'vitest';
import { emptyWizardForm, isStepComplete, NOT_SURE, productChoices, suggestionQuery, toCreateCaseBody, withProductChoice } from './wizard-form';

const ids = {
  site: '00000000-0000-4000-8000-000000000001',
  family: '00000000-0000-4000-8000-000000000002',
  otherFamily: '00000000-0000-4000-8000-000000000003',
  product: '00000000-0000-4000-8000-000000000004',
  otherProduct: '00000000-0000-4000-8000-000000000005',
  release: '00000000-0000-4000-8000-000000000006',
  related: '00000000-0000-4000-8000-000000000007',
};

const site: CaseWizardOptions['sites'][number] = {
  id: ids.site,
  name: '서울 공장',
  contract: { state: 'active', endsAt: null, graceEndsAt: null, daysLeft: null, allowsAccess: true, warning: false },
  families: [
    { id: ids.family, name: 'PI System', products: [{ id: ids.product, name: 'PI Server', versions: [{ id: ids.release, version: '2024 SP1' }] }] },
    { id: ids.otherFamily, name: 'Edge', products: [{ id: ids.otherProduct, name: 'Edge Data Store', versions: [] }] },
  ],
};

describe('productChoices', () => {
  it('offers the families of the site, then the products of the family, then the versions of the product', () => {
    const form = { ...emptyWizardForm('ko'), siteId: ids.site, familyId: ids.family, productId: ids.product };
    const choices = productChoices(site, form);
    expect(choices.families.map((family) => family.name)).toEqual(['PI System', 'Edge']);
    expect(choices.products.map((product) => product.name)).toEqual(['PI Server']);
    expect(choices.versions.map((version) => version.version)).toEqual(['2024 SP1']);
  });

  it('offers no products or versions below "Not sure"', () => {
    const choices = productChoices(site, emptyWizardForm('en'));
    expect(choices.products).toEqual([]);
    expect(choices.versions).toEqual([]);
  });
});

describe('withProductChoice', () => {
  const chosen = { ...emptyWizardForm('ko'), siteId: ids.site, familyId: ids.family, productId: ids.product, releaseId: ids.release };

  it('resets the product and version when the family changes', () => {
    expect(withProductChoice(chosen, { familyId: ids.otherFamily }, site)).toMatchObject({ familyId: ids.otherFamily, productId: NOT_SURE, releaseId: NOT_SURE });
  });

  it('resets everything below a "Not sure"', () => {
    expect(withProductChoice(chosen, { familyId: NOT_SURE }, site)).toMatchObject({ familyId: NOT_SURE, productId: NOT_SURE, releaseId: NOT_SURE });
    expect(withProductChoice(chosen, { productId: NOT_SURE }, site)).toMatchObject({ familyId: ids.family, productId: NOT_SURE, releaseId: NOT_SURE });
  });

  it('keeps choices that still belong together', () => {
    expect(withProductChoice(chosen, { releaseId: ids.release }, site)).toEqual(chosen);
  });

  it('drops choices the new site does not offer', () => {
    expect(withProductChoice(chosen, { siteId: 'another' }, { ...site, families: [] })).toMatchObject({ familyId: NOT_SURE, productId: NOT_SURE, releaseId: NOT_SURE });
  });
});

describe('isStepComplete', () => {
  it('needs a site and a category on the first step', () => {
    const form = emptyWizardForm('ko');
    expect(isStepComplete(form, 0)).toBe(false);
    expect(isStepComplete({ ...form, siteId: ids.site }, 0)).toBe(false);
    expect(isStepComplete({ ...form, siteId: ids.site, category: 'licensing' }, 0)).toBe(true);
  });

  it('lets the product step pass with "Not sure"', () => {
    expect(isStepComplete(emptyWizardForm('ko'), 1)).toBe(true);
  });

  it('needs a subject and a description that are not blank and not too long', () => {
    const form = emptyWizardForm('ko');
    expect(isStepComplete({ ...form, subject: '  ', description: 'x' }, 2)).toBe(false);
    expect(isStepComplete({ ...form, subject: '로그인 오류 😀', description: '  ' }, 2)).toBe(false);
    expect(isStepComplete({ ...form, subject: 'x'.repeat(201), description: 'x' }, 2)).toBe(false);
    expect(isStepComplete({ ...form, subject: '로그인 오류 😀', description: '설명' }, 2)).toBe(true);
  });
});

describe('toCreateCaseBody', () => {
  it('sends "Not sure" as null and keeps 4-byte characters', () => {
    const form = { ...emptyWizardForm('ko', ids.related), siteId: ids.site, category: 'technical_support' as const, familyId: ids.family, subject: '  서버 😀 ', description: '𠜎 설명' };
    expect(toCreateCaseBody(form)).toEqual({
      siteId: ids.site,
      category: 'technical_support',
      productFamilyId: ids.family,
      productId: null,
      releaseId: null,
      subject: '서버 😀',
      description: '𠜎 설명',
      language: 'ko',
      relatedCaseId: ids.related,
    });
  });
});

describe('suggestionQuery', () => {
  it('joins subject and description', () => {
    expect(suggestionQuery({ subject: ' PI 서버 ', description: '접속 오류\n' })).toBe('PI 서버 접속 오류');
  });

  it('keeps within 1000 characters without splitting an emoji', () => {
    const query = suggestionQuery({ subject: 'a'.repeat(999), description: '😀😀' });
    expect(query.length).toBeLessThanOrEqual(1000);
    expect(() => encodeURIComponent(query)).not.toThrow();
  });
});
