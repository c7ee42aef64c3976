import { formatDateTime } from '../../components/format-date-time';
import type { SearchPreview } from './search.api';

/**
 * A fact of the quick view as shown: an instant (when an article was updated, a case opened) as the
 * day it falls on in the reader's time zone, `YYYY-MM-DD`, the same day as the date at the top; any
 * other value as the server wrote it.
 */
export function formatPreviewMeta(entry: SearchPreview['meta'][number], timeZone?: string): string {
  return entry.type === 'instant' ? formatDateTime(entry.value, timeZone).slice(0, 10) : entry.value;
}
