import { describe, expect, it } from 'vitest';
import { applyVote } from './apply-vote';

describe('applyVote', () => {
  it('counts a first vote up', () => {
    expect(applyVote({ helpful: 2, notHelpful: 1, mine: null }, 'up')).toEqual({ helpful: 3, notHelpful: 1, mine: 'up' });
  });
  it('moves a vote from up to down', () => {
    expect(applyVote({ helpful: 3, notHelpful: 1, mine: 'up' }, 'down')).toEqual({ helpful: 2, notHelpful: 2, mine: 'down' });
  });
  it('withdraws a vote', () => {
    expect(applyVote({ helpful: 3, notHelpful: 2, mine: 'down' }, null)).toEqual({ helpful: 3, notHelpful: 1, mine: null });
  });
  it('never counts below zero when the counts were stale', () => {
    expect(applyVote({ helpful: 0, notHelpful: 0, mine: 'up' }, null)).toEqual({ helpful: 0, notHelpful: 0, mine: null });
  });
});
