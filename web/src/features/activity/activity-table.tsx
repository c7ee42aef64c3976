import { ActionIcon, Badge, Stack, Table, Text, VisuallyHidden, type MantineBreakpoint } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_CATEGORIES } from '@common/schemas/audit';
import { DateTimeLines } from '../../components/date-time-lines';
import { formatDateTime } from '../../components/format-date-time';
import { getActivityActionLabel } from './activity-action-label';
import { ActivityDetails } from './activity-details';
import type { ActivityEvent } from './activity.api';

const isKnownCategory = (category: string): category is (typeof AUDIT_CATEGORIES)[number] => (AUDIT_CATEGORIES as readonly string[]).includes(category);

const hasDetails = (details: unknown) => details !== null && details !== undefined && !(typeof details === 'object' && Object.keys(details).length === 0);

/** Below it the row keeps its toggle and action, and the other columns give way to lines under the action, so a phone shows them without scrolling sideways. */
const WIDE: MantineBreakpoint = 'sm';

/**
 * An event's category as a gray badge, always whole: a badge cuts its label with "…" and so asks
 * for no width of its own, which let the table squeeze the column to "로…"; `max-content` makes
 * the column as wide as its longest label ("기술 자료", "Knowledge article").
 */
function CategoryBadge({ event }: { event: ActivityEvent }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" color="gray" style={{ whiteSpace: 'nowrap', minWidth: 'max-content' }} data-testid="activity-category-badge">
      {isKnownCategory(event.category) ? t(`activity.categories.${event.category}`) : event.category}
    </Badge>
  );
}

/** Who did it: their name, and the label they were known by then when it differs. */
function Actor({ event }: { event: ActivityEvent }) {
  return (
    <>
      <Text size="sm">{event.actorName ?? event.actorLabel ?? '—'}</Text>
      {event.actorName && event.actorLabel && event.actorLabel !== event.actorName ? (
        <Text size="xs" c="dimmed">
          {event.actorLabel}
        </Text>
      ) : null}
    </>
  );
}

/** Under an event's action on a phone: time and category, who, organization, IP address and client. */
function ActivityRowDetails({ event, showOrganization }: { event: ActivityEvent; showOrganization: boolean }) {
  const { t } = useTranslation();
  const labelled = (column: 'organization' | 'ip' | 'client', value: string | null) => t('common.labelled', { label: t(`activity.columns.${column}`), value: value ?? '—' });
  return (
    <Stack gap={4} mt={6} align="flex-start" hiddenFrom={WIDE} data-testid="activity-row-details">
      <Text size="xs" ff="monospace">
        {formatDateTime(event.occurredAt)}
      </Text>
      <CategoryBadge event={event} />
      <div>
        <Actor event={event} />
      </div>
      {showOrganization ? (
        <Text size="xs" c="dimmed">
          {labelled('organization', event.organizationName)}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {labelled('ip', event.ip)}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={2} title={event.client ?? undefined}>
        {labelled('client', event.client)}
      </Text>
    </Stack>
  );
}

/**
 * The activity log's rows: time, category, action, who, organization, IP, client; details open
 * below a row. On a phone the toggle and the action only, the rest under the action.
 */
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
    // The minimum width is the table's, not the container's, as it only holds where every column shows.
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="xs" highlightOnHover miw={{ base: 'auto', [WIDE]: showOrganization ? 940 : 840 }} data-testid="activity-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <VisuallyHidden>{t('activity.columns.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('activity.columns.time')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('activity.columns.category')}</Table.Th>
            <Table.Th>{t('activity.columns.action')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('activity.columns.actor')}</Table.Th>
            {showOrganization ? <Table.Th visibleFrom={WIDE}>{t('activity.columns.organization')}</Table.Th> : null}
            <Table.Th visibleFrom={WIDE}>{t('activity.columns.ip')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('activity.columns.client')}</Table.Th>
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
                  <Table.Td fz="sm" ff="monospace" visibleFrom={WIDE}>
                    <DateTimeLines value={event.occurredAt} />
                  </Table.Td>
                  <Table.Td visibleFrom={WIDE}>
                    <CategoryBadge event={event} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {getActivityActionLabel(event.action, t)}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {event.action}
                    </Text>
                    <ActivityRowDetails event={event} showOrganization={showOrganization} />
                  </Table.Td>
                  <Table.Td visibleFrom={WIDE}>
                    <Actor event={event} />
                  </Table.Td>
                  {showOrganization ? (
                    <Table.Td fz="sm" visibleFrom={WIDE}>
                      {event.organizationName ?? '—'}
                    </Table.Td>
                  ) : null}
                  <Table.Td fz="sm" ff="monospace" visibleFrom={WIDE}>
                    {event.ip ?? '—'}
                  </Table.Td>
                  <Table.Td fz="sm" maw={220} visibleFrom={WIDE}>
                    <Text size="sm" truncate title={event.client ?? undefined}>
                      {event.client ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {isOpen ? (
                  <Table.Tr id={`activity-details-${event.id}`} data-testid="activity-details">
                    {/* On a phone, `max-width: 0` keeps long lines of the details from widening the table: the block scrolls instead. */}
                    <Table.Td colSpan={columnCount} maw={{ base: 0, [WIDE]: 'none' }}>
                      <ActivityDetails event={event} />
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
