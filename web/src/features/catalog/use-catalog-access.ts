import type { LocalizedText } from '@common/schemas/catalog';
import { useTranslation } from 'react-i18next';
import { useStaffCan } from '../auth/use-staff-can';

/** Whether the signed-in staff member may change the catalog (vendor administrators); others read it. */
export function useCanManageCatalog(): boolean {
  return useStaffCan('catalog.manage');
}

/** Picks the vendor's text in the UI's language. */
export function useLocalized(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.resolvedLanguage === 'en' ? text.en : text.ko) || text.en || text.ko;
}
