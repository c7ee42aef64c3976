import type { CaseCategory, CaseLanguage } from '@common/cases';
import type { CaseWizardOptions, CreateCaseBody } from '@common/schemas/cases';

/** The value of "Not sure" in the product family, product and version selects. */
export const NOT_SURE = 'not_sure';

export const SUBJECT_MAX = 200;
export const DESCRIPTION_MAX = 20_000;

/** What the wizard holds across its three steps. */
export interface WizardForm {
  siteId: string | null;
  category: CaseCategory | null;
  /** A family id or NOT_SURE. */
  familyId: string;
  /** A product id or NOT_SURE. */
  productId: string;
  /** A release id or NOT_SURE. */
  releaseId: string;
  subject: string;
  description: string;
  language: CaseLanguage;
  /** The closed case this one continues (`?related=`). */
  relatedCaseId: string | null;
}

/** A fresh form: nothing chosen, "Not sure" for the product, the language the server suggests. */
export function emptyWizardForm(language: CaseLanguage, relatedCaseId: string | null = null): WizardForm {
  return { siteId: null, category: null, familyId: NOT_SURE, productId: NOT_SURE, releaseId: NOT_SURE, subject: '', description: '', language, relatedCaseId };
}

type SiteOption = CaseWizardOptions['sites'][number];
type FamilyOption = SiteOption['families'][number];
type ProductOption = FamilyOption['products'][number];

/** The families, products and versions the selects offer for the choices so far (empty below a "Not sure"). */
export function productChoices(site: SiteOption | undefined, form: Pick<WizardForm, 'familyId' | 'productId'>): { families: FamilyOption[]; products: ProductOption[]; versions: ProductOption['versions'] } {
  const families = site?.families ?? [];
  const products = families.find((family) => family.id === form.familyId)?.products ?? [];
  const versions = products.find((product) => product.id === form.productId)?.versions ?? [];
  return { families, products, versions };
}

/**
 * The form after a change of site, family or product: a choice below it that no longer belongs to
 * it goes back to "Not sure", so the case never names a product of another site or family.
 */
export function withProductChoice(form: WizardForm, change: Partial<Pick<WizardForm, 'siteId' | 'familyId' | 'productId' | 'releaseId'>>, site: SiteOption | undefined): WizardForm {
  const next = { ...form, ...change };
  const family = site?.families.find((entry) => entry.id === next.familyId);
  if (!family) next.familyId = NOT_SURE;
  const product = family?.products.find((entry) => entry.id === next.productId);
  if (!product) next.productId = NOT_SURE;
  if (!product?.versions.some((version) => version.id === next.releaseId)) next.releaseId = NOT_SURE;
  return next;
}

/** True when the step's required fields are filled in (0: site and category, 2: subject and description). */
export function isStepComplete(form: WizardForm, step: number): boolean {
  if (step === 0) return form.siteId !== null && form.category !== null;
  if (step === 2) return form.subject.trim() !== '' && form.description.trim() !== '' && form.subject.length <= SUBJECT_MAX && form.description.length <= DESCRIPTION_MAX;
  return true;
}

/** True when the wizard may go on from the step: never past the product step for a site that cannot take cases. */
export function canLeaveStep(step: number, site: SiteOption | undefined): boolean {
  return step < 1 || !site || site.contract.allowsAccess;
}

/** The request body of `POST /cases` for the form ("Not sure" sent as null). */
export function toCreateCaseBody(form: WizardForm): CreateCaseBody {
  const orNull = (id: string) => (id === NOT_SURE ? null : id);
  return {
    siteId: form.siteId ?? '',
    category: form.category ?? 'technical_support',
    productFamilyId: orNull(form.familyId),
    productId: orNull(form.productId),
    releaseId: orNull(form.releaseId),
    subject: form.subject.trim(),
    description: form.description,
    language: form.language,
    relatedCaseId: form.relatedCaseId,
  };
}

/** The text the suggestions panel searches with: subject and description, within the API's 1000 characters. */
export function suggestionQuery(form: Pick<WizardForm, 'subject' | 'description'>): string {
  const text = `${form.subject.trim()} ${form.description.trim()}`.trim();
  if (text.length <= 1000) return text;
  // Cut between characters, never inside a surrogate pair (an emoji), which could not be sent.
  let cut = '';
  for (const ch of text) {
    if (cut.length + ch.length > 1000) break;
    cut += ch;
  }
  return cut;
}
