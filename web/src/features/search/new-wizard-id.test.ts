import { afterEach, describe, expect, it, vi } from 'vitest';
import { newWizardId } from './new-wizard-id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newWizardId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives a fresh UUID v4 each time', () => {
    const a = newWizardId();
    expect(a).toMatch(UUID_V4);
    expect(newWizardId()).not.toBe(a);
  });

  it('makes a UUID v4 without crypto.randomUUID (a page served over plain HTTP)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: <T extends ArrayBufferView>(array: T) => real.getRandomValues(array as never) as T });
    const ids = new Set(Array.from({ length: 50 }, () => newWizardId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });
});
