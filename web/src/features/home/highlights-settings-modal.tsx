import { HOME_HIGHLIGHT_KINDS, type HomeHighlightKind } from '@common/cases';
import { ActionIcon, Button, Checkbox, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { useSaveHomePreferences, type HomePreferences } from './home.api';
import { chosenValues, moveChoice, toChoices, toggleChoice, type Choice } from './reorder-choices';

interface HighlightsSettingsModalProps {
  preferences: HomePreferences;
  onClose: () => void;
}

/** The gear's dialog: which figures the highlights panel shows, and in which order (up/down buttons). */
export function HighlightsSettingsModal({ preferences, onClose }: HighlightsSettingsModalProps) {
  const { t } = useTranslation();
  const save = useSaveHomePreferences();
  const [choices, setChoices] = useState<Choice<HomeHighlightKind>[]>(() => toChoices(HOME_HIGHLIGHT_KINDS, preferences.highlights));

  const submit = () =>
    save.mutate(
      { highlights: chosenValues(choices), feedKinds: preferences.feedKinds },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('home.preferencesSaved') });
          onClose();
        },
        onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }),
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('home.highlights.chooseTitle')} centered>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('home.highlights.chooseHint')}
        </Text>
        <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }} data-testid="highlight-choices">
          {choices.map((choice, index) => {
            const label = t(`home.highlights.kinds.${choice.value}`);
            return (
              <Paper key={choice.value} component="li" withBorder radius="md" px="sm" py={6}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Checkbox label={label} checked={choice.chosen} onChange={(event) => setChoices(toggleChoice(choices, index, event.currentTarget.checked))} />
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" color="gray" aria-label={t('home.moveUp', { name: label })} disabled={index === 0} onClick={() => setChoices(moveChoice(choices, index, -1))}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('home.moveDown', { name: label })}
                      disabled={index === choices.length - 1}
                      onClick={() => setChoices(moveChoice(choices, index, 1))}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
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
