import type { ArticleVotesState, Vote } from './search.api';

/** The counts after the reader's vote changes to `next` (null: withdrawn), as the server will count them. */
export function applyVote(votes: ArticleVotesState, next: Vote | null): ArticleVotesState {
  let { helpful, notHelpful } = votes;
  if (votes.mine === 'up') helpful -= 1;
  if (votes.mine === 'down') notHelpful -= 1;
  if (next === 'up') helpful += 1;
  if (next === 'down') notHelpful += 1;
  return { helpful: Math.max(helpful, 0), notHelpful: Math.max(notHelpful, 0), mine: next };
}
