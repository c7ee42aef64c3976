import { Anchor, Card, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ArticleAttachment } from '@common/schemas/knowledge';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../components/format-file-size';
import { isSafeLink } from '../../components/render-markdown';

const isImage = (attachment: ArticleAttachment) => attachment.contentType.startsWith('image/');

/** The article's attachments for readers: images shown, other files as download links. */
export function ArticleAttachmentList({ attachments }: { attachments: readonly ArticleAttachment[] }) {
  const { t } = useTranslation();
  const shown = attachments.filter((attachment) => isSafeLink(attachment.url));
  if (shown.length === 0) return null;
  const images = shown.filter(isImage);
  const files = shown.filter((attachment) => !isImage(attachment));
  return (
    <section aria-labelledby="article-attachments-title" data-testid="article-attachments">
      <Title order={2} size="h4" mb="sm" id="article-attachments-title">
        {t('knowledge.attachments.title')}
      </Title>
      <Stack gap="sm">
        {images.length > 0 ? (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {images.map((attachment) => (
              <Card key={attachment.id} withBorder radius="md" p="xs" component="figure" m={0}>
                <Anchor href={attachment.url} target="_blank" rel="noopener noreferrer">
                  <Image src={attachment.url} alt={attachment.name} radius="sm" w="auto" maw="100%" mah={220} fit="contain" loading="lazy" />
                </Anchor>
                <Text size="xs" c="dimmed" mt={4} component="figcaption" truncate>
                  {attachment.name} · {formatFileSize(attachment.size)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        ) : null}
        {files.map((attachment) => (
          <Group key={attachment.id} gap="xs" wrap="nowrap">
            <IconPaperclip size={16} aria-hidden />
            <Anchor href={attachment.url} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {attachment.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {formatFileSize(attachment.size)}
            </Text>
          </Group>
        ))}
      </Stack>
    </section>
  );
}
