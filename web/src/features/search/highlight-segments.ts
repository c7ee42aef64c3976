/** A piece of text, marked when it is part of a match. */
export interface HighlightSegment {
  text: string;
  marked: boolean;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves an offset that falls between the two halves of a surrogate pair to the pair's start (or end), so no character is split. */
function snap(text: string, offset: number, towardEnd: boolean): number {
  if (offset <= 0 || offset >= text.length) return offset;
  if (isLowSurrogate(text.charCodeAt(offset)) && isHighSurrogate(text.charCodeAt(offset - 1))) return towardEnd ? offset + 1 : offset - 1;
  return offset;
}

/**
 * Cuts `text` into plain and marked pieces by the server's `[start, end)` ranges (UTF-16 offsets,
 * as JavaScript strings count). Ranges are clamped to the text, sorted and merged; empty, reversed
 * or non-numeric ones are ignored, and a range never splits an emoji or other surrogate pair. The
 * pieces are rendered as text (`<mark>` around marked ones), never as HTML.
 */
export function toHighlightSegments(text: string, ranges: readonly (readonly [number, number])[]): HighlightSegment[] {
  const spans = ranges
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end))
    .map(([start, end]) => [snap(text, Math.max(0, Math.trunc(start)), false), snap(text, Math.min(text.length, Math.trunc(end)), true)] as const)
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const segments: HighlightSegment[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), marked: false });
  return segments;
}
