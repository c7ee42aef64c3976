import { Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import { caseHref, type CaseFace } from './case-href';
import { CaseStatusBadge } from './case-status-badge';
import type { CaseDetail } from './cases.api';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** The top of a case page: number (and old number), subject, status, and the facts about the case. */
export function CaseHeader({ detail, face }: { detail: CaseDetail; face: CaseFace }) {
  const { t } = useTranslation();
  const product = [detail.productFamily?.name, detail.product?.name, detail.release?.version].filter(Boolean).join(' · ');
  const side = (person: CaseDetail['requester']) => (person ? `${person.name}${person.side === 'engineer' ? ` (${t('cases.side.engineer')})` : ''}` : '—');
  return (
    <Stack gap="md">
      <div>
        <Group gap="xs" wrap="wrap">
          <Text fw={700} c="dimmed" data-testid="case-number">
            {t('cases.caseNumber', { number: detail.number })}
          </Text>
          {detail.legacyNumber ? (
            <Badge variant="outline" color="gray" radius="sm" data-testid="legacy-number">
              {t('cases.list.legacyNumber', { number: detail.legacyNumber })}
            </Badge>
          ) : null}
          <CaseStatusBadge status={detail.status} size="lg" />
        </Group>
        <Title order={1} size="h2" mt={4} style={{ overflowWrap: 'anywhere' }} data-testid="case-subject">
          {detail.subject}
        </Title>
        {detail.relatedCase ? (
          <Text size="sm" mt={4} data-testid="related-case">
            {t('cases.wizard.continues')}{' '}
            <Anchor component={Link} to={caseHref(face, detail.organizationId, detail.relatedCase.id)}>
              {detail.relatedCase.number}
            </Anchor>{' '}
            {detail.relatedCase.subject}
          </Text>
        ) : null}
      </div>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="sm" m={0}>
        {face === 'console' ? <Fact label={t('cases.fields.organization')}>{detail.organizationName}</Fact> : null}
        <Fact label={t('cases.fields.site')}>{detail.site.name}</Fact>
        <Fact label={t('cases.fields.category')}>{t(`cases.categories.${detail.category}`)}</Fact>
        <Fact label={t('cases.fields.productAndVersion')}>{product || t('cases.wizard.notSure')}</Fact>
        <Fact label={t('cases.fields.language')}>{t(`common.languages.${detail.language}`)}</Fact>
        <Fact label={t('cases.fields.requester')}>{side(detail.requester)}</Fact>
        <Fact label={t('cases.fields.assignee')} testId="case-assignee">
          {detail.assignee ? detail.assignee.name : t('cases.unassigned')}
        </Fact>
        <Fact label={t('cases.fields.opened')}>{formatDateTime(detail.createdAt)}</Fact>
        <Fact label={t('cases.fields.updated')}>{formatDateTime(detail.updatedAt)}</Fact>
        {detail.closedAt ? <Fact label={t('cases.fields.closed')}>{formatDateTime(detail.closedAt)}</Fact> : null}
      </SimpleGrid>
    </Stack>
  );
}
