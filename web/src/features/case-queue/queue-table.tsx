import { Anchor, Checkbox, Table, Text, useMantineTheme, type MantineBreakpoint } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTimeLines } from '../../components/date-time-lines';
import type { QueueItem } from './case-queue.api';
import { formatDuration, getElapsedMs } from './format-duration';
import { QueueCaseStatus } from './queue-case-status';
import { QueueRowDetails } from './queue-row-details';

interface QueueTableProps {
  items: QueueItem[];
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: Set<string>) => void;
  /** The queue's search params, carried to the case page so its back link returns to the same view. */
  queueSearch: string;
}

/**
 * The narrowest the table gets before it scrolls sideways: the queue's card at a 1280 px window
 * (about 930 px) fits every column, subjects on two lines and organization and site names (one
 * column, the site under its organization) cut with "…". It holds only from WIDE up, where every
 * column shows.
 */
const QUEUE_MIN_WIDTH = 900;

/**
 * Below it the row keeps its checkbox, number and subject, and the other columns (and the old
 * number) give way to lines under the subject, so a phone shows them without scrolling sideways.
 */
const WIDE: MantineBreakpoint = 'sm';

/**
 * From here the time to first response has a column too. Below it, at a 1280 px window, the
 * subject needs the room more (about 200 px instead of 90 with every column, "Korean l…"); the
 * case page shows the figure.
 */
const WIDEST: MantineBreakpoint = 'xl';

/**
 * The queue's cases: selectable rows with number, subject, customer and site, status (and waiting on
 * the customer), assignee, times. On a phone, number and subject only, the rest under the subject.
 */
export function QueueTable({ items, selected, onSelectedChange, queueSearch }: QueueTableProps) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  // Read at once (not after a first render) so a wide screen never flashes the phone's subject.
  const isWide = useMediaQuery(`(min-width: ${theme.breakpoints[WIDE]})`, undefined, { getInitialValueInEffect: false });
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
    // The minimum width is the table's, not the container's, as it only holds where every column shows.
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="sm" horizontalSpacing={8} highlightOnHover miw={{ base: 'auto', [WIDE]: QUEUE_MIN_WIDTH }} data-testid="case-queue-table">
        {/* Headers stay on one line ("첫 응답까지", not "첫 / 응답까지"): the cells below give way instead. */}
        <Table.Thead style={{ whiteSpace: 'nowrap' }}>
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
            <Table.Th visibleFrom={WIDE}>{t('caseQueue.columns.organizationSite')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('caseQueue.columns.status')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('caseQueue.columns.assignee')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('caseQueue.columns.opened')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('caseQueue.columns.updated')}</Table.Th>
            <Table.Th visibleFrom={WIDEST}>{t('caseQueue.columns.firstResponse')}</Table.Th>
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
              <Table.Td>
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
                  <Text size="xs" c="dimmed" visibleFrom={WIDE}>
                    {/* Wraps after "이전 번호", never at the number's hyphens. */}
                    <Trans i18nKey="caseQueue.legacyNumber" values={{ number: item.legacyNumber }} components={{ number: <span style={{ whiteSpace: 'nowrap' }} /> }} />
                  </Text>
                ) : null}
              </Table.Td>
              {isWide ? (
                <Table.Td w="36%" maw={0}>
                  <Text size="sm" lineClamp={2} title={item.subject} data-testid="case-queue-subject">
                    {item.subject}
                  </Text>
                </Table.Td>
              ) : (
                <Table.Td>
                  <Text size="sm" lineClamp={2} title={item.subject}>
                    {item.subject}
                  </Text>
                  <QueueRowDetails item={item} />
                </Table.Td>
              )}
              <Table.Td w="20%" maw={0} visibleFrom={WIDE}>
                <Text size="sm" truncate="end" title={item.organization.name}>
                  {item.organization.name}
                </Text>
                <Text size="xs" c="dimmed" truncate="end" title={item.site.name}>
                  {item.site.name}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom={WIDE}>
                <QueueCaseStatus item={item} />
              </Table.Td>
              <Table.Td fz="sm" visibleFrom={WIDE}>
                {item.assignee?.name ?? (
                  <Text span size="sm" c="dimmed">
                    {t('caseQueue.unassigned')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td fz="sm" visibleFrom={WIDE}>
                <DateTimeLines value={item.createdAt} />
              </Table.Td>
              <Table.Td fz="sm" visibleFrom={WIDE}>
                <DateTimeLines value={item.updatedAt} />
              </Table.Td>
              <Table.Td fz="sm" visibleFrom={WIDEST}>
                {formatDuration(getElapsedMs(item.createdAt, item.firstResponseAt), i18n.resolvedLanguage ?? 'ko')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
