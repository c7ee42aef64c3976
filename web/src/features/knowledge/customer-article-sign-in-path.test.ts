import { describe, expect, it } from 'vitest';
import { getSafeNextPath } from '../auth/get-safe-next-path';
import { customerArticleSignInPath } from './customer-article-sign-in-path';

const nextOf = (path: string) => new URL(path, 'https://atrium.example').searchParams.get('next');

describe('customerArticleSignInPath', () => {
  it('signs in and returns to the article in the portal, in the language of the link', () => {
    const path = customerArticleSignInPath('0b6c7e0a-3f3e-4a36-9d0e-2d6f1f6c2b11', 'ko');
    expect(path.startsWith('/sign-in?next=')).toBe(true);
    expect(nextOf(path)).toBe('/portal/knowledge/0b6c7e0a-3f3e-4a36-9d0e-2d6f1f6c2b11?lang=ko');
    // The sign-in page follows it: a path of this site, not an auth page.
    expect(getSafeNextPath(nextOf(path))).toBe('/portal/knowledge/0b6c7e0a-3f3e-4a36-9d0e-2d6f1f6c2b11?lang=ko');
  });

  it('leaves the language to the portal when the link names none', () => {
    expect(nextOf(customerArticleSignInPath('0b6c7e0a-3f3e-4a36-9d0e-2d6f1f6c2b11', null))).toBe('/portal/knowledge/0b6c7e0a-3f3e-4a36-9d0e-2d6f1f6c2b11');
  });
});
