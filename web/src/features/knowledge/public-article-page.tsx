/** Placeholder until issue 7's web work lands. */
export function PublicArticlePage() {
  return null;
}
