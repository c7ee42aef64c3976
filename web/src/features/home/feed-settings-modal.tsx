import { FEED_KINDS, type FeedKind } from '@common/cases';
import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { useSaveHomePreferences, type HomePreferences } from './home.api';

interface FeedSettingsModalProps {
  preferences: HomePreferences;
  onClose: () => void;
}

/** The gear's dialog for My feed: which kinds of events it lists. */
export function FeedSettingsModal({ preferences, onClose }: FeedSettingsModalProps) {
  const { t } = useTranslation();
  const save = useSaveHomePreferences();
  const [kinds, setKinds] = useState<FeedKind[]>(preferences.feedKinds);

  const submit = () =>
    save.mutate(
      // Kept in the usual order, whatever order they were ticked in.
      { highlights: preferences.highlights, feedKinds: FEED_KINDS.filter((kind) => kinds.includes(kind)) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('home.preferencesSaved') });
          onClose();
        },
        onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }),
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('home.feed.chooseTitle')} centered>
      <Stack gap="md">
        <Checkbox.Group label={t('home.feed.chooseHint')} value={kinds} onChange={(value) => setKinds(value as FeedKind[])}>
          <Stack gap="xs" mt="xs">
            {FEED_KINDS.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`home.feed.kinds.${kind}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {kinds.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('home.feed.noneChosen')}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
