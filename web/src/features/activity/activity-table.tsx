import { ActionIcon, Badge, Code, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_CATEGORIES } from '@common/schemas/audit';
import { formatDateTime } from '../../components/format-date-time';
import { getActivityActionLabel } from './activity-action-label';
import type { ActivityEvent } from './activity.api';

const isKnownCategory = (category: string): category is (typeof AUDIT_CATEGORIES)[number] => (AUDIT_CATEGORIES as readonly string[]).includes(category);

const hasDetails = (details: unknown) => details !== null && details !== undefined && !(typeof details === 'object' && Object.keys(details).length === 0);

/** The activity log's rows: time, category, action, who, organization, IP, client; details open below a row. */
export function ActivityTable({ events, showOrganization }: { events: ActivityEvent[]; showOrganization: boolean }) {
  const { t } = useTranslation();
  const [openIds, setOpenIds] = useState<Set<number>>(new Set());
  const columnCount = showOrganization ? 8 : 7;

  const toggle = (id: number) =>
    setOpenIds((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={showOrganization ? 1080 : 960}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="activity-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <VisuallyHidden>{t('activity.columns.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th>{t('activity.columns.time')}</Table.Th>
            <Table.Th>{t('activity.columns.category')}</Table.Th>
            <Table.Th>{t('activity.columns.action')}</Table.Th>
            <Table.Th>{t('activity.columns.actor')}</Table.Th>
            {showOrganization ? <Table.Th>{t('activity.columns.organization')}</Table.Th> : null}
            <Table.Th>{t('activity.columns.ip')}</Table.Th>
            <Table.Th>{t('activity.columns.client')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const isOpen = openIds.has(event.id);
            const withDetails = hasDetails(event.details) || Boolean(event.targetType);
            return (
              <Fragment key={event.id}>
                <Table.Tr data-testid="activity-row" data-event-id={event.id} data-action={event.action} data-category={event.category}>
                  <Table.Td>
                    {withDetails ? (
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        onClick={() => toggle(event.id)}
                        aria-expanded={isOpen}
                        aria-controls={`activity-details-${event.id}`}
                        aria-label={t('activity.showDetails')}
                        data-testid="activity-details-toggle"
                      >
                        {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                  <Table.Td fz="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(event.occurredAt)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" radius="sm" color="gray" style={{ whiteSpace: 'nowrap' }}>
                      {isKnownCategory(event.category) ? t(`activity.categories.${event.category}`) : event.category}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {getActivityActionLabel(event.action, t)}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {event.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{event.actorName ?? event.actorLabel ?? '—'}</Text>
                    {event.actorName && event.actorLabel && event.actorLabel !== event.actorName ? (
                      <Text size="xs" c="dimmed">
                        {event.actorLabel}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {showOrganization ? <Table.Td fz="sm">{event.organizationName ?? '—'}</Table.Td> : null}
                  <Table.Td fz="sm" ff="monospace">
                    {event.ip ?? '—'}
                  </Table.Td>
                  <Table.Td fz="sm" maw={220}>
                    <Text size="sm" truncate title={event.client ?? undefined}>
                      {event.client ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {isOpen ? (
                  <Table.Tr id={`activity-details-${event.id}`} data-testid="activity-details">
                    <Table.Td colSpan={columnCount}>
                      {event.targetType ? (
                        <Text size="xs" c="dimmed" mb={4}>
                          {t('activity.target', { type: event.targetType, id: event.targetId ?? '—' })}
                        </Text>
                      ) : null}
                      {hasDetails(event.details) ? (
                        <Code block fz="xs">
                          {JSON.stringify(event.details, null, 2)}
                        </Code>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
