import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import { portalCasePath } from './describe-feed-entry';
import { useWaitingCases } from './home.api';

/** How many waiting cases the panel lists before "See all". */
const SHOWN = 5;

/** "Waiting for your attention": the person's open cases that wait on them; nothing at all when there are none. */
export function WaitingCasesPanel({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const waiting = useWaitingCases(organizationId, true);
  const cases = waiting.data ?? [];
  if (cases.length === 0) return null;

  return (
    <Alert
      component="section"
      aria-labelledby="waiting-title"
      color="orange"
      variant="light"
      radius="lg"
      icon={<IconHourglassHigh size={20} />}
      title={<span id="waiting-title">{t('home.waiting.title', { count: cases.length })}</span>}
      data-testid="waiting-cases"
    >
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {cases.slice(0, SHOWN).map((item) => (
          <Group key={item.id} component="li" gap="xs" wrap="wrap" data-testid="waiting-case">
            <Anchor component={Link} to={portalCasePath(item.id, organizationId)} size="sm" fw={600} ff="monospace">
              {item.number}
            </Anchor>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {item.subject}
            </Text>
            <Text size="xs" c="dimmed">
              {t('home.waiting.updated', { at: formatDateTime(item.updatedAt) })}
            </Text>
          </Group>
        ))}
      </Stack>
      {cases.length > SHOWN ? (
        <Anchor component={Link} to="/portal/cases?view=my_open" size="sm" mt="xs" display="inline-block">
          {t('home.waiting.seeAll')}
        </Anchor>
      ) : null}
    </Alert>
  );
}
