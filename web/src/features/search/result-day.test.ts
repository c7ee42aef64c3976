import { describe, expect, it } from 'vitest';
import { resultDay } from './result-day';

describe('resultDay', () => {
  it('shows the calendar day of releases and documents as it is', () => {
    expect(resultDay('release', '2024-08-31T00:00:00.000Z')).toBe('2024-08-31');
    expect(resultDay('document', '2024-08-31T00:00:00.000Z')).toBe('2024-08-31');
  });
});
