import type { TFunction } from 'i18next';
import { findActivityActionKey, humanizeAction } from '@common/activity-actions';

/** The name of an action in the UI's language; an action without a translation is shown humanized. */
export function getActivityActionLabel(action: string, t: TFunction): string {
  const key = findActivityActionKey(action);
  return key ? t(`activity.actions.${key}`) : humanizeAction(action);
}
