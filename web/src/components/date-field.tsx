import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'minDate' | 'maxDate' | 'valueFormat' | 'type'> & {
  /** `YYYY-MM-DD`, or empty for none. */
  value: string;
  onChange: (value: string) => void;
  min?: string | undefined;
  max?: string | undefined;
};

/**
 * A date typed or picked, always shown and typed as `YYYY-MM-DD` (the form the manuals and the
 * rest of the UI use), with its calendar in the UI's language (`DatesProvider` in the app's
 * providers), not the browser's as a native date input would be. The value is the same string the
 * API takes; empty is none.
 */
export function DateField({ value, onChange, min, max, ...props }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const korean = i18n.language.startsWith('ko');
  const labels = ['monthLevelControl', 'yearLevelControl', 'nextMonth', 'previousMonth', 'nextYear', 'previousYear', 'nextDecade', 'previousDecade'] as const;
  return (
    <DateInput
      // "2026년 11월", as Korean calendars head a month, not "11월 2026".
      monthLabelFormat={korean ? 'YYYY년 M월' : 'MMMM YYYY'}
      yearLabelFormat={korean ? 'YYYY년' : 'YYYY'}
      ariaLabels={Object.fromEntries(labels.map((label) => [label, t(`common.dates.${label}`)]))}
      clearButtonProps={{ 'aria-label': t('common.dates.clear') }}
      valueFormat="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      leftSection={<IconCalendar size={16} />}
      popoverProps={{ withinPortal: true }}
      {...props}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      minDate={min || undefined}
      maxDate={max || undefined}
    />
  );
}
