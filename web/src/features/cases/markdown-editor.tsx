import { Paper, Tabs, Text } from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components/markdown';

interface MarkdownEditorProps {
  /** The Markdown written so far, for the preview. */
  value: string;
  /** The labelled textarea. */
  children: ReactNode;
  /** Names mentioned so far, highlighted in the preview. */
  mentions?: readonly string[];
  minPreviewHeight?: number;
}

/** A Markdown textarea with Write and Preview tabs; the preview renders as the case page will. */
export function MarkdownEditor({ value, children, mentions, minPreviewHeight = 120 }: MarkdownEditorProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('write');
  return (
    <Tabs value={tab} onChange={setTab} variant="outline" radius="md">
      <Tabs.List>
        <Tabs.Tab value="write" leftSection={<IconPencil size={14} />}>
          {t('cases.editor.write')}
        </Tabs.Tab>
        <Tabs.Tab value="preview" leftSection={<IconEye size={14} />} data-testid="preview-tab">
          {t('cases.editor.preview')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="xs">
        {children}
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Paper withBorder radius="md" p="sm" mih={minPreviewHeight} data-testid="markdown-preview">
          {value.trim() ? (
            <Markdown source={value} mentions={mentions} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('cases.editor.nothingToPreview')}
            </Text>
          )}
        </Paper>
      </Tabs.Panel>
    </Tabs>
  );
}
