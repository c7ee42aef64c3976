import { describe, expect, it } from 'vitest';
import { createSubmitGuard } from './submit-guard';

describe('createSubmitGuard', () => {
  it('lets one submit through until it finishes, then the next', () => {
    const guard = createSubmitGuard();
    expect(guard.start()).toBe(true);
    // The second click of a double click.
    expect(guard.start()).toBe(false);
    guard.finish();
    expect(guard.start()).toBe(true);
  });
});
