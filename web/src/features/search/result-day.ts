import type { SearchKind } from '@common/knowledge';
import { formatDateTime } from '../../components/format-date-time';

/**
 * The day a result is dated, as `YYYY-MM-DD`: releases and documents carry the calendar day they came
 * out or were published (its first instant, UTC), shown as it is, in any time zone; articles and
 * cases the instant they were updated, shown in the reader's time zone.
 */
export function resultDay(kind: SearchKind, date: string): string {
  return kind === 'release' || kind === 'document' ? date.slice(0, 10) : formatDateTime(date).slice(0, 10);
}
