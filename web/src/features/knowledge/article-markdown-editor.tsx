import { Box, Group, Input, Paper, Tabs, Text } from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ArticleMarkdown } from './article-markdown';
import type { ReaderAttachment } from './render-article-markdown';

interface ArticleMarkdownEditorProps {
  /** The Markdown written so far, for the preview. */
  value: string;
  /** The textarea, without a label of its own: the label stands above the tabs, for both of them. */
  children: ReactNode;
  /** The field's label and hint, and the textarea's id they name. */
  label: string;
  description: string;
  inputId: string;
  /** The article's attachments, so the preview shows its images as readers will see them. */
  attachments: readonly ReaderAttachment[];
  /** Names the tabs for tests and assistive technology (`issue`, `resolution`…). */
  name: string;
}

/**
 * A Markdown textarea with Write and Preview tabs, like the case editor's, but previewing as the
 * article pages render: the article's own images shown. The field's label heads both tabs (beside
 * them), so the tabs read as the field's and the preview still says which field it is.
 */
export function ArticleMarkdownEditor({ value, children, attachments, name, label, description, inputId }: ArticleMarkdownEditorProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('write');
  return (
    <Tabs value={tab} onChange={setTab} variant="outline" radius="md" keepMounted>
      <Group justify="space-between" align="flex-end" gap="xs" wrap="wrap">
        <Box style={{ flex: '1 1 16rem', minWidth: 0 }} pb={4}>
          <Input.Label htmlFor={inputId}>{label}</Input.Label>
          <Input.Description id={`${inputId}-description`}>{description}</Input.Description>
        </Box>
        <Tabs.List style={{ flexShrink: 0 }}>
          <Tabs.Tab value="write" leftSection={<IconPencil size={14} />} data-testid={`${name}-write-tab`}>
            {t('knowledge.editor.write')}
          </Tabs.Tab>
          <Tabs.Tab value="preview" leftSection={<IconEye size={14} />} data-testid={`${name}-preview-tab`}>
            {t('knowledge.editor.preview')}
          </Tabs.Tab>
        </Tabs.List>
      </Group>
      <Tabs.Panel value="write" pt="xs">
        {children}
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Paper withBorder radius="md" p="sm" mih={120} data-testid={`${name}-preview`}>
          {value.trim() ? (
            <ArticleMarkdown source={value} attachments={attachments} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('knowledge.editor.nothingToPreview')}
            </Text>
          )}
        </Paper>
      </Tabs.Panel>
    </Tabs>
  );
}
