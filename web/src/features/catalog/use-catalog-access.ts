import type { LocalizedText } from '@common/schemas/catalog';
import { STAFF_ROLE_PERMISSIONS } from '@common/permissions';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../auth/use-signed-in-me';

/** Whether the signed-in staff member may change the catalog (vendor administrators); others read it. */
export function useCanManageCatalog(): boolean {
  const me = useSignedInMe();
  return me.staffRole !== null && STAFF_ROLE_PERMISSIONS[me.staffRole].includes('catalog.manage');
}

/** Picks the vendor's text in the UI's language. */
export function useLocalized(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.resolvedLanguage === 'en' ? text.en : text.ko) || text.en || text.ko;
}
