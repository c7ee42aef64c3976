import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import classes from '../../components/markdown.module.css';
import articleClasses from './article-markdown.module.css';
import { renderArticleMarkdown, type ReaderAttachment } from './render-article-markdown';

/**
 * An article's Markdown, rendered safely as `Markdown` does, with the article's own images shown
 * (at the reader's address for them; see `renderArticleMarkdown`).
 */
export function ArticleMarkdown({ source, attachments, 'data-testid': testId }: { source: string; attachments: readonly ReaderAttachment[]; 'data-testid'?: string }) {
  const html = useMemo(() => renderArticleMarkdown(source, attachments), [source, attachments]);
  return <Typography className={`${classes.root} ${articleClasses.root}`} style={{ overflowWrap: 'anywhere' }} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
