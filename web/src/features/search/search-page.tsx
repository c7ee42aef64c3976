import type { Face } from '../shell/nav-item';

/** Placeholder until issue 7's web work lands. */
export function SearchPage(_props: { face: Face }) {
  return null;
}
