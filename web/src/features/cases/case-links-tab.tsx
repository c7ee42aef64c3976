import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { CASE_LINK_KINDS, type CaseLinkKind } from '@common/cases';
import { IconAlertCircle, IconLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import { getErrorMessage } from '../../components/get-error-message';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { isSafeLink } from '../../components/render-markdown';
import { useAddLink, useCaseLinks, useLinkCandidates, useRemoveLink, type CaseDetail, type CaseLink } from './cases.api';

const kindColors: Record<CaseLinkKind, string> = { article: 'blue', document: 'grape', release: 'teal' };

function LinkTitle({ link }: { link: CaseLink }) {
  if (!link.href || !isSafeLink(link.href)) return <Text size="sm">{link.title}</Text>;
  if (link.href.startsWith('/')) {
    return (
      <Anchor component={Link} to={link.href} size="sm">
        {link.title}
      </Anchor>
    );
  }
  return (
    <Anchor href={link.href} target="_blank" rel="noopener noreferrer" size="sm">
      {link.title}
    </Anchor>
  );
}

function AddLinkForm({ organizationId, caseId }: { organizationId: string; caseId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CaseLinkKind>('article');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [targetId, setTargetId] = useState<string | null>(null);
  const candidates = useLinkCandidates(organizationId, caseId, kind, q, { enabled: true });
  const add = useAddLink(organizationId, caseId);
  const submit = () => {
    if (!targetId) return;
    add.mutate(
      { kind, targetId },
      {
        onSuccess: () => {
          setTargetId(null);
          setSearch('');
        },
      },
    );
  };
  return (
    <Card withBorder radius="md" p="sm" data-testid="add-link-form">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('cases.links.kind')}
            data={CASE_LINK_KINDS.map((value) => ({ value, label: t(`cases.links.kinds.${value}`) }))}
            value={kind}
            onChange={(value) => {
              setKind((value as CaseLinkKind | null) ?? 'article');
              setTargetId(null);
            }}
            allowDeselect={false}
            w={{ base: '100%', xs: 160 }}
          />
          <Select
            label={t('cases.links.content')}
            placeholder={t('cases.links.searchPlaceholder')}
            data={(candidates.data?.items ?? []).map((item) => ({ value: item.targetId, label: item.title }))}
            value={targetId}
            onChange={setTargetId}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            // The server searches; the list shows what it found as is.
            filter={({ options }) => options}
            nothingFoundMessage={t('cases.links.nothingFound')}
            w={{ base: '100%', xs: 320 }}
            data-testid="link-target"
          />
          <Button leftSection={<IconLink size={16} />} onClick={submit} disabled={!targetId} loading={add.isPending} data-testid="add-link">
            {t('cases.links.add')}
          </Button>
        </Group>
        {add.isError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {getErrorMessage(add.error)}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The Linked content tab: knowledge articles, documents and releases linked to the case; engineers add and remove them. */
export function CaseLinksTab({ organizationId, detail }: { organizationId: string; detail: CaseDetail }) {
  const { t } = useTranslation();
  const links = useCaseLinks(organizationId, detail.id);
  const remove = useRemoveLink(organizationId, detail.id);
  const canLink = detail.abilities.linkContent;
  const items = links.data?.items ?? [];
  return (
    <Stack gap="md" data-testid="case-links">
      {canLink ? <AddLinkForm organizationId={organizationId} caseId={detail.id} /> : null}
      {remove.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {getErrorMessage(remove.error)}
        </Alert>
      ) : null}
      {links.isError ? (
        <LoadErrorAlert error={links.error} onRetry={() => void links.refetch()} />
      ) : !links.data ? (
        <Skeleton height={80} radius="md" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t('cases.links.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((link) => (
            <Group key={link.id} component="li" justify="space-between" wrap="nowrap" gap="sm" data-testid="case-link">
              <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                <Badge size="sm" radius="sm" variant="light" color={kindColors[link.kind]} miw="max-content">
                  {t(`cases.links.kinds.${link.kind}`)}
                </Badge>
                <LinkTitle link={link} />
                <Text size="xs" c="dimmed">
                  {[link.addedBy?.name, formatDateTime(link.createdAt)].filter(Boolean).join(' · ')}
                </Text>
              </Group>
              {canLink ? (
                <ActionIcon variant="subtle" color="red" onClick={() => remove.mutate(link.id)} loading={remove.isPending && remove.variables === link.id} aria-label={t('cases.links.removeNamed', { title: link.title })}>
                  <IconTrash size={16} />
                </ActionIcon>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
