import { Anchor, Group, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { formatFileSize } from '../../components/format-file-size';
import type { CaseAttachment } from './cases.api';

/** A case attachment as a download link with its size; the name is shown as text, whatever it holds. */
export function AttachmentLink({ attachment, showSize = true }: { attachment: CaseAttachment; showSize?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap" data-testid="attachment-link">
      <IconPaperclip size={14} aria-hidden style={{ flexShrink: 0 }} />
      <Anchor href={attachment.url} size="sm" style={{ overflowWrap: 'anywhere' }} download>
        {attachment.name}
      </Anchor>
      {showSize ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatFileSize(attachment.size)}
        </Text>
      ) : null}
    </Group>
  );
}
