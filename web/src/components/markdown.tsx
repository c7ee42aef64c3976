import { Typography, type TypographyProps } from '@mantine/core';
import { useMemo } from 'react';
import classes from './markdown.module.css';
import { renderMarkdown } from './render-markdown';

interface MarkdownProps extends Omit<TypographyProps, 'children'> {
  /** The Markdown a person wrote. */
  source: string;
  /** Names mentioned with `@`, highlighted where `@Name` appears. */
  mentions?: readonly string[];
  'data-testid'?: string;
}

/**
 * Shows Markdown a person wrote, safely: markdown-it without raw HTML, only http(s), mailto and
 * relative links (opening in a new tab, rel="noopener noreferrer nofollow"), no images. Shared by
 * case descriptions, resolutions and posts (portal and console).
 */
export function Markdown({ source, mentions, ...props }: MarkdownProps) {
  const html = useMemo(() => renderMarkdown(source, mentions), [source, mentions]);
  return <Typography className={classes.root} style={{ overflowWrap: 'anywhere' }} {...props} dangerouslySetInnerHTML={{ __html: html }} />;
}
