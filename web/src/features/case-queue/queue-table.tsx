import { Anchor, Checkbox, Table, Text, Tooltip } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import type { QueueItem } from './case-queue.api';
import { CaseStatusBadge } from '../cases/case-status-badge';
import { formatDuration, getElapsedMs } from './format-duration';

interface QueueTableProps {
  items: QueueItem[];
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: Set<string>) => void;
  /** The queue's search params, carried to the case page so its back link returns to the same view. */
  queueSearch: string;
}

/** The queue's cases: selectable rows with number, subject, customer, site, status, assignee, times. */
export function QueueTable({ items, selected, onSelectedChange, queueSearch }: QueueTableProps) {
  const { t, i18n } = useTranslation();
  const selectedShown = items.filter((item) => selected.has(item.id)).length;

  const toggle = (ids: string[], checked: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (checked) next.add(id);
      else next.delete(id);
    }
    onSelectedChange(next);
  };

  return (
    <Table.ScrollContainer minWidth={1280}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="case-queue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('caseQueue.selectAll')}
                checked={items.length > 0 && selectedShown === items.length}
                indeterminate={selectedShown > 0 && selectedShown < items.length}
                onChange={(event) => toggle(items.map((item) => item.id), event.currentTarget.checked)}
              />
            </Table.Th>
            <Table.Th>{t('caseQueue.columns.number')}</Table.Th>
            <Table.Th>{t('caseQueue.columns.subject')}</Table.Th>
            <Table.Th>{t('caseQueue.columns.organization')}</Table.Th>
            <Table.Th>{t('caseQueue.columns.site')}</Table.Th>
            <Table.Th>{t('caseQueue.columns.status')}</Table.Th>
            <Table.Th>{t('caseQueue.columns.waiting')}</Table.Th>
            <Table.Th>{t('caseQueue.columns.assignee')}</Table.Th>
            <Table.Th>{t('caseQueue.columns.opened')}</Table.Th>
            <Table.Th>{t('caseQueue.columns.updated')}</Table.Th>
            <Table.Th>{t('caseQueue.columns.firstResponse')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid="case-queue-row" data-case-number={item.number} data-status={item.status}>
              <Table.Td>
                <Checkbox
                  aria-label={t('caseQueue.selectNamed', { number: item.number })}
                  checked={selected.has(item.id)}
                  onChange={(event) => toggle([item.id], event.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor
                  component={Link}
                  to={`/console/cases/${encodeURIComponent(item.organization.id)}/${encodeURIComponent(item.id)}`}
                  state={{ queueSearch }}
                  fw={600}
                  size="sm"
                  ff="monospace"
                >
                  {item.number}
                </Anchor>
                {item.legacyNumber ? (
                  <Text size="xs" c="dimmed">
                    {t('caseQueue.legacyNumber', { number: item.legacyNumber })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td fz="sm" maw={320} style={{ overflowWrap: 'anywhere' }}>
                {item.subject}
              </Table.Td>
              <Table.Td fz="sm">{item.organization.name}</Table.Td>
              <Table.Td fz="sm">{item.site.name}</Table.Td>
              <Table.Td>
                <CaseStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                {item.waitingOnCustomer ? (
                  <Tooltip label={t('caseQueue.waitingOnCustomer')}>
                    <IconHourglassHigh size={18} color="var(--mantine-color-orange-6)" role="img" aria-label={t('caseQueue.waitingOnCustomer')} data-testid="waiting-on-customer" />
                  </Tooltip>
                ) : null}
              </Table.Td>
              <Table.Td fz="sm">
                {item.assignee?.name ?? (
                  <Text span size="sm" c="dimmed">
                    {t('caseQueue.unassigned')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(item.createdAt)}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(item.updatedAt)}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDuration(getElapsedMs(item.createdAt, item.firstResponseAt), i18n.resolvedLanguage ?? 'ko')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
