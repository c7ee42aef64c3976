import { Badge, Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/branding';
import { featureIcons, type FeatureKey } from './feature-icons';

/** Placeholder page for a capability that is planned but not built yet. */
export function ComingSoonPage({ feature }: { feature: FeatureKey }) {
  const { t } = useTranslation();
  const Icon = featureIcons[feature];
  const title = t(`features.${feature}.title`);
  usePageTitle(title);

  return (
    <Center mih="70vh" data-testid="coming-soon-page" data-feature={feature}>
      <Paper withBorder radius="lg" p={{ base: 'lg', sm: 48 }} maw={560} w="100%" shadow="xs">
        <Stack align="center" ta="center" gap="md">
          <ThemeIcon size={84} radius={42} variant="gradient" gradient={{ from: 'indigo.5', to: 'cyan.5', deg: 135 }}>
            <Icon size={44} stroke={1.5} />
          </ThemeIcon>
          <Badge variant="light" size="lg" radius="sm">
            {t('comingSoon.badge')}
          </Badge>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text size="lg" c="dimmed" maw={440}>
            {t(`features.${feature}.description`)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('comingSoon.note')}
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
