import { Grid, Input, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { CASE_LANGUAGES, type CaseLanguage } from '@common/cases';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { requiredFieldProps } from '../../components/required-field-props';
import { formatFileSize } from '../../components/format-file-size';
import { AttachmentPicker } from './attachment-picker';
import { MarkdownEditor } from './markdown-editor';
import { SuggestedArticles } from './suggested-articles';
import type { UploadItem } from './use-attachment-uploads';
import { DESCRIPTION_MAX, SUBJECT_MAX, suggestionQuery, type WizardForm } from './wizard-form';

/** The fields of this step the server may find wrong. */
export type DetailField = 'subject' | 'description';

interface WizardDetailsStepProps {
  organizationId: string;
  /** The wizard's id, for the suggestions it opens. */
  wizardId: string;
  form: WizardForm;
  onChange: (change: Partial<Pick<WizardForm, 'subject' | 'description' | 'language'>>) => void;
  attachments: { items: UploadItem[]; add: (files: File[]) => void; remove: (key: string) => void };
  attachmentMaxBytes: number;
  showErrors: boolean;
  /** The server's message about a field, shown under it (e.g. control characters in the description). */
  serverErrors?: Partial<Record<DetailField, string>>;
}

/**
 * Step 3: subject, description (Markdown with a preview), language (Korean first) and attachments,
 * with the suggested knowledge articles beside them.
 */
export function WizardDetailsStep({ organizationId, wizardId, form, onChange, attachments, attachmentMaxBytes, showErrors, serverErrors = {} }: WizardDetailsStepProps) {
  const { t } = useTranslation();
  const languageId = useId();
  return (
    <Grid gap="lg" data-testid="wizard-details-step">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <TextInput
            label={t('cases.fields.subject')}
            value={form.subject}
            onChange={(event) => onChange({ subject: event.currentTarget.value })}
            maxLength={SUBJECT_MAX}
            error={showErrors && !form.subject.trim() ? t('cases.wizard.subjectRequired') : serverErrors.subject}
            {...requiredFieldProps}
            data-testid="wizard-subject"
          />
          <MarkdownEditor value={form.description}>
            <Textarea
              label={t('cases.fields.description')}
              description={t('cases.editor.markdownHint')}
              value={form.description}
              onChange={(event) => onChange({ description: event.currentTarget.value })}
              autosize
              minRows={8}
              maxRows={24}
              maxLength={DESCRIPTION_MAX}
              error={showErrors && !form.description.trim() ? t('cases.wizard.descriptionRequired') : serverErrors.description}
              {...requiredFieldProps}
              data-testid="wizard-description"
            />
          </MarkdownEditor>
          <Input.Wrapper label={t('cases.fields.language')} id={languageId} labelElement="div">
            <div>
              <SegmentedControl
                role="radiogroup"
                aria-labelledby={`${languageId}-label`}
                data={CASE_LANGUAGES.map((language) => ({ value: language, label: t(`common.languages.${language}`) }))}
                value={form.language}
                onChange={(value) => onChange({ language: value as CaseLanguage })}
                data-testid="wizard-language"
              />
            </div>
          </Input.Wrapper>
          <Input.Wrapper label={t('cases.fields.attachments')} labelElement="div">
            <AttachmentPicker
              items={attachments.items}
              onAdd={attachments.add}
              onRemove={attachments.remove}
              description={t('cases.attachments.limit', { maxSize: formatFileSize(attachmentMaxBytes) })}
            />
          </Input.Wrapper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <SuggestedArticles organizationId={organizationId} text={suggestionQuery(form)} wizardId={wizardId} />
      </Grid.Col>
    </Grid>
  );
}
