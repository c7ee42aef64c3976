import { Button, Collapse, Paper, Text } from '@mantine/core';
import { CASE_STATUSES, type CaseStatus } from '@common/cases';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components/markdown';
import type { CaseHistoryEntry } from './cases.api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A text value of the entry's details, when it has one. */
const detailText = (entry: CaseHistoryEntry, key: string): string | null => {
  const value = entry.details?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

/** A name for `from`/`to`: the details' name for it when given, the value itself unless it is a bare id. */
const nameOf = (entry: CaseHistoryEntry, which: 'from' | 'to'): string | null => {
  const named = detailText(entry, `${which}Name`);
  if (named) return named;
  const value = entry[which];
  return value && !UUID.test(value) ? value : null;
};

function PreviousVersion({ text }: { text: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={() => setOpened((value) => !value)} aria-expanded={opened} mt={4}>
        {opened ? t('cases.history.hidePrevious') : t('cases.history.showPrevious')}
      </Button>
      <Collapse expanded={opened}>
        <Paper withBorder radius="sm" p="xs" mt={4}>
          {text.trim() ? <Markdown source={text} fz="sm" /> : <Text size="sm" c="dimmed">{t('cases.history.emptyPrevious')}</Text>}
        </Paper>
      </Collapse>
    </>
  );
}

/** What happened in one history entry, as a sentence naming who did it (and any previous text or reason). */
export function CaseHistoryEntryText({ entry }: { entry: CaseHistoryEntry }) {
  const { t } = useTranslation();
  const actor = entry.actor?.name ?? t('cases.history.system');
  const status = (value: string | null) => (value && (CASE_STATUSES as readonly string[]).includes(value) ? t(`cases.status.${value as CaseStatus}`) : '—');
  switch (entry.kind) {
    case 'created':
      return <Text size="sm">{t('cases.history.created', { actor })}</Text>;
    case 'status':
      return <Text size="sm">{entry.from ? t('cases.history.status', { actor, from: status(entry.from), to: status(entry.to) }) : t('cases.history.statusSet', { actor, to: status(entry.to) })}</Text>;
    case 'assignee': {
      const to = nameOf(entry, 'to');
      // An engineer assigning the case to themselves took it: "X assigned the case to X" reads oddly.
      const tookCase = entry.to !== null && entry.actor !== null && entry.actor.id === entry.to;
      return (
        <Text size="sm">
          {tookCase ? t('cases.history.tookCase', { actor }) : entry.to ? (to ? t('cases.history.assigned', { actor, to }) : t('cases.history.reassigned', { actor })) : t('cases.history.unassigned', { actor })}
        </Text>
      );
    }
    case 'description':
    case 'resolution': {
      const previous = typeof entry.details?.previous === 'string' ? entry.details.previous : null;
      return (
        <>
          <Text size="sm">{t(`cases.history.${entry.kind}`, { actor })}</Text>
          {previous !== null ? <PreviousVersion text={previous} /> : null}
        </>
      );
    }
    case 'reopen_requested': {
      const reason = detailText(entry, 'reason');
      return (
        <>
          {/* The request reopens the case at once: say so, with the move it made. */}
          <Text size="sm">{t('cases.history.reopened', { actor, from: status(entry.from), to: status(entry.to) })}</Text>
          {reason ? (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="reopen-reason">
              {reason}
            </Text>
          ) : null}
        </>
      );
    }
    case 'link_added':
    case 'link_removed':
    case 'attachment_added':
    case 'attachment_removed': {
      const removed = entry.kind === 'link_removed' || entry.kind === 'attachment_removed';
      const name = detailText(entry, 'title') ?? detailText(entry, 'name') ?? nameOf(entry, removed ? 'from' : 'to') ?? '—';
      const key = ({ link_added: 'linkAdded', link_removed: 'linkRemoved', attachment_added: 'attachmentAdded', attachment_removed: 'attachmentRemoved' } as const)[entry.kind];
      return <Text size="sm">{t(`cases.history.${key}`, { actor, name })}</Text>;
    }
  }
}
