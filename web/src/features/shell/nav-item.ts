import type { Permission } from '@common/permissions';
import type { FeatureKey } from '../../components/feature-icons';

/** One entry of a face's navbar; its label and icon come from the feature key. */
export interface NavItem {
  feature: FeatureKey;
  /** Absolute path of the page. */
  path: string;
  /** Active only on this exact path (the face's home), not on paths below it. */
  end?: boolean;
  /** Shown only when the person has this permission: in the current organization (portal), in their staff role (console). */
  requires?: Permission;
}

export type Face = 'portal' | 'console';
