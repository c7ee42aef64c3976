import { Mark } from '@mantine/core';
import { Fragment, useMemo } from 'react';
import { toHighlightSegments } from './highlight-segments';

/** Text with the server's match ranges in `<mark>`; the text is rendered as text, never as HTML. */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly (readonly [number, number])[] }) {
  const segments = useMemo(() => toHighlightSegments(text, ranges), [text, ranges]);
  return (
    <>
      {segments.map((segment, index) =>
        segment.marked ? (
          <Mark key={index} color="yellow" px={1}>
            {segment.text}
          </Mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
