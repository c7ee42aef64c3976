import { Paper, Tabs, Text } from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ArticleMarkdown } from './article-markdown';
import type { ReaderAttachment } from './render-article-markdown';

interface ArticleMarkdownEditorProps {
  /** The Markdown written so far, for the preview. */
  value: string;
  /** The labelled textarea. */
  children: ReactNode;
  /** The article's attachments, so the preview shows its images as readers will see them. */
  attachments: readonly ReaderAttachment[];
  /** Names the tabs for tests and assistive technology (`issue`, `resolution`…). */
  name: string;
}

/**
 * A Markdown textarea with Write and Preview tabs, like the case editor's, but previewing as the
 * article pages render: the article's own images shown.
 */
export function ArticleMarkdownEditor({ value, children, attachments, name }: ArticleMarkdownEditorProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('write');
  return (
    <Tabs value={tab} onChange={setTab} variant="outline" radius="md" keepMounted>
      <Tabs.List>
        <Tabs.Tab value="write" leftSection={<IconPencil size={14} />} data-testid={`${name}-write-tab`}>
          {t('knowledge.editor.write')}
        </Tabs.Tab>
        <Tabs.Tab value="preview" leftSection={<IconEye size={14} />} data-testid={`${name}-preview-tab`}>
          {t('knowledge.editor.preview')}
        </Tabs.Tab>
      </Tabs.List>
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
