import { formatDateTime } from './format-date-time';

/**
 * An instant as `YYYY-MM-DD HH:mm:ss` that, where its column is narrow, wraps onto two lines
 * between the date and the time, never inside either (a browser would break a date at its hyphens).
 */
export function DateTimeLines({ value }: { value: string | number | Date | null | undefined }) {
  const [date, time] = formatDateTime(value).split(' ');
  if (!date) return null;
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{date}</span> <span style={{ whiteSpace: 'nowrap' }}>{time}</span>
    </>
  );
}
