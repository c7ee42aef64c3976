import { Anchor, Code, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { formatFileSize } from '../../components/format-file-size';
import type { ActivityEvent } from './activity.api';
import { describeActivityDetails, humanizeKey, isInstant, isPlainObject, type ActivityDetailRow } from './describe-activity-details';

const BYTE_FIELDS = new Set(['size', 'previousSize']);
/** Stored in seconds, set in minutes on the settings page: shown as it was set. */
const MINUTE_FIELDS = new Set(['idleTimeoutSeconds']);

/** A field's name in the reader's language: `activity.detailKeys.<key>`, else the key humanized. */
export function labelDetailField(path: string[], t: TFunction): string {
  if (path.length === 0) return t('activity.detailKeys.value');
  return path.map((key) => t(`activity.detailKeys.${key}`, { defaultValue: humanizeKey(key) })).join(' · ');
}

/**
 * A value as a person reads it: yes or no, sizes in KiB/MiB, instants in their time zone, the
 * log's codes (a failure's reason, a sign-in's method) in words where the locale names them.
 */
export function formatDetailValue(value: unknown, key: string | undefined, t: TFunction, language: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'activity.detailValues.yes' : 'activity.detailValues.no');
  if (typeof value === 'number') {
    if (key && BYTE_FIELDS.has(key)) return formatFileSize(value);
    return (key && MINUTE_FIELDS.has(key) ? value / 60 : value).toLocaleString(language);
  }
  if (typeof value === 'string') {
    if (isInstant(value)) return formatDateTime(value);
    // A code, or codes joined by `+` (a sign-in's `password+totp`), each in words where the locale has them.
    if (key && /^[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/.test(value)) return value.split('+').map((code) => t(`activity.detailValues.${key}.${code}`, { defaultValue: code })).join(' + ');
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => formatDetailValue(item, key, t, language)).join(', ');
  if (isPlainObject(value)) return Object.entries(value).map(([inner, v]) => formatDetailValue(v, inner, t, language)).join(' · ');
  return String(value);
}

function DetailValue({ row }: { row: ActivityDetailRow }) {
  const { t, i18n } = useTranslation();
  const key = row.path.at(-1);
  const format = (value: unknown) => formatDetailValue(value, key, t, i18n.language);
  if (row.kind === 'fact') return <Text size="xs">{format(row.value)}</Text>;
  return (
    <Text size="xs">
      <Text span size="xs" c="dimmed" td="line-through" data-testid="activity-detail-before">
        {format(row.before)}
      </Text>
      {' → '}
      <Text span size="xs" fw={500} data-testid="activity-detail-after">
        {format(row.after)}
      </Text>
    </Text>
  );
}

/**
 * What an event touched and its details, field by field (changes as before → after), under its
 * row in the activity log; the stored JSON one click away for whoever needs the identifiers.
 */
export function ActivityDetails({ event }: { event: ActivityEvent }) {
  const { t } = useTranslation();
  const [showJson, setShowJson] = useState(false);
  const rows = describeActivityDetails(event.details);
  const hasJson = event.details !== null && event.details !== undefined;
  return (
    <Stack gap={6} align="flex-start">
      {event.targetType ? (
        <Text size="xs" c="dimmed">
          {t('activity.target', { type: t(`activity.targetTypes.${event.targetType}`, { defaultValue: humanizeKey(event.targetType) }), id: event.targetId ?? '—' })}
        </Text>
      ) : null}
      {rows.length > 0 ? (
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" w="auto" data-testid="activity-detail-rows">
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={index} data-testid="activity-detail-row" data-field={row.path.join('.')} data-kind={row.kind}>
                <Table.Td fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  {labelDetailField(row.path, t)}
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <DetailValue row={row} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {hasJson ? (
        <Anchor component="button" type="button" size="xs" onClick={() => setShowJson((shown) => !shown)} aria-expanded={showJson} data-testid="activity-details-json-toggle">
          {showJson ? t('activity.hideJson') : t('activity.showJson')}
        </Anchor>
      ) : null}
      {showJson ? (
        <Code block fz="xs" w="100%">
          {JSON.stringify(event.details, null, 2)}
        </Code>
      ) : null}
    </Stack>
  );
}
