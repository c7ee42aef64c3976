/** Placeholder until issue 7's web work lands. */
export function ArticlePage() {
  return null;
}
