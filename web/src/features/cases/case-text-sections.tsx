import { Alert, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { Markdown } from '../../components/markdown';
import { useUpdateCase, type CaseDetail } from './cases.api';
import { MarkdownEditor } from './markdown-editor';
import { DESCRIPTION_MAX } from './wizard-form';

type Field = 'description' | 'resolution';

function EditModal({ organizationId, detail, field, onClose }: { organizationId: string; detail: CaseDetail; field: Field; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCase(organizationId, detail.id);
  const [value, setValue] = useState(detail[field] ?? '');
  const blank = field === 'description' && !value.trim();
  const save = () => {
    if (blank) return;
    update.mutate(field === 'description' ? { description: value } : { resolution: value }, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('cases.sections.saved') });
        onClose();
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title={t(`cases.sections.edit.${field}`)} size="xl" centered>
      <Stack gap="md" data-testid={`edit-${field}-modal`}>
        <MarkdownEditor value={value}>
          <Textarea
            label={t(`cases.sections.${field}`)}
            description={t('cases.editor.markdownHint')}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            autosize
            minRows={8}
            maxRows={24}
            maxLength={DESCRIPTION_MAX}
            error={blank ? t('cases.wizard.descriptionRequired') : undefined}
            data-autofocus
          />
        </MarkdownEditor>
        {field === 'description' ? (
          <Text size="xs" c="dimmed">
            {t('cases.sections.historyKept')}
          </Text>
        ) : null}
        {update.isError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {getErrorMessage(update.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} loading={update.isPending} disabled={blank} data-testid={`save-${field}`}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Section({ organizationId, detail, field, canEdit }: { organizationId: string; detail: CaseDetail; field: Field; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const text = detail[field];
  return (
    <Card withBorder radius="lg" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`case-${field}-title`} data-testid={`case-${field}`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={`case-${field}-title`}>
          {t(`cases.sections.${field}`)}
        </Title>
        {canEdit ? (
          <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)} data-testid={`edit-${field}`}>
            {text ? t('cases.sections.editButton') : t('cases.sections.writeButton')}
          </Button>
        ) : null}
      </Group>
      {text ? (
        <Markdown source={text} />
      ) : (
        <Text size="sm" c="dimmed">
          {t(`cases.sections.empty.${field}`)}
        </Text>
      )}
      {editing ? <EditModal organizationId={organizationId} detail={detail} field={field} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

/** The description (Markdown), which engineers may update as the case progresses (the history keeps each version). */
export function CaseDescription({ organizationId, detail }: { organizationId: string; detail: CaseDetail }) {
  return <Section organizationId={organizationId} detail={detail} field="description" canEdit={detail.abilities.editDescription} />;
}

/** The resolution (Markdown) engineers write; shown to customers once written. */
export function CaseResolution({ organizationId, detail }: { organizationId: string; detail: CaseDetail }) {
  if (!detail.resolution && !detail.abilities.writeResolution) return null;
  return <Section organizationId={organizationId} detail={detail} field="resolution" canEdit={detail.abilities.writeResolution} />;
}
