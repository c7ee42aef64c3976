import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../components/format-date-time';
import { formatPreviewMeta } from './format-preview-meta';

describe('formatPreviewMeta', () => {
  it('shows an instant as the day it falls on in the reader’s time zone, as the date at the top does', () => {
    // 2026-11-17 20:31:39 UTC is already 18 November in Seoul.
    const updated = { label: '업데이트', value: '2026-11-17T20:31:39.000Z', type: 'instant' as const };
    expect(formatPreviewMeta(updated, 'Asia/Seoul')).toBe('2026-11-18');
    expect(formatDateTime(updated.value, 'Asia/Seoul')).toBe('2026-11-18 05:31:39');
    expect(formatPreviewMeta(updated, 'America/Los_Angeles')).toBe('2026-11-17');
  });

  it('shows text as it is', () => {
    expect(formatPreviewMeta({ label: '출시일', value: '2026-11-17' }, 'Pacific/Kiritimati')).toBe('2026-11-17');
    expect(formatPreviewMeta({ label: '버전', value: '2026.1', type: 'text' })).toBe('2026.1');
  });
});
