import type { TFunction } from 'i18next';
import type { DownloadAbility } from './products.api';

/** Why a download is refused, in words; empty when it is allowed. */
export function getDownloadRefusal(t: TFunction, ability: DownloadAbility): string {
  switch (ability.reason) {
    case 'permission':
      return t('products.downloads.refused.permission');
    case 'contract.expired':
      return t('products.downloads.refused.contractExpired');
    case 'contract.none':
      return t('products.downloads.refused.contractNone');
    default:
      return '';
  }
}
