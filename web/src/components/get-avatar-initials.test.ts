import { describe, expect, it } from 'vitest';
import { getAvatarInitials } from './get-avatar-initials';

describe('getAvatarInitials', () => {
  it('shows the given name of a three-syllable Korean name, not its first two syllables', () => {
    expect(getAvatarInitials('김민수')).toBe('민수');
    expect(getAvatarInitials('박지원')).toBe('지원');
    expect(getAvatarInitials('정영호')).toBe('영호');
  });

  it('shows a two-syllable Korean name whole, and a one-syllable one as it is', () => {
    expect(getAvatarInitials('김민')).toBe('김민');
    expect(getAvatarInitials('민')).toBe('민');
  });

  it('shows the last two syllables of a four-syllable Korean name', () => {
    expect(getAvatarInitials('남궁민수')).toBe('민수');
  });

  it('takes the given name of a Korean name written with a space, and ignores what follows in other scripts', () => {
    expect(getAvatarInitials('김 민수')).toBe('민수');
    expect(getAvatarInitials(' 남궁 민수 ')).toBe('민수');
    expect(getAvatarInitials('김민수 (PM)')).toBe('민수');
  });

  it('keeps the initials of other names: two words’ first letters, or a single word’s first two', () => {
    expect(getAvatarInitials('Kim Owner')).toBe('KO');
    expect(getAvatarInitials('Park  Engineer Lee')).toBe('PE');
    expect(getAvatarInitials('Administrator')).toBe('AD');
    expect(getAvatarInitials('jane')).toBe('JA');
  });

  it('returns an empty string for an empty name, so the avatar shows its placeholder', () => {
    expect(getAvatarInitials('')).toBe('');
    expect(getAvatarInitials('   ')).toBe('');
  });
});
