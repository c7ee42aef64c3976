import {
  IconBook2,
  IconBuildingStore,
  IconCategory2,
  IconChartBar,
  IconDeviceCctv,
  IconHeadset,
  IconHistory,
  IconHome,
  IconInbox,
  IconKey,
  IconLicense,
  IconLifebuoy,
  IconPackage,
  IconSettings,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';

/** One icon per capability of either face; the key also names its texts under `features.<face>.<name>`. */
export const featureIcons = {
  'portal.home': IconHome,
  'portal.products': IconPackage,
  'portal.cases': IconLifebuoy,
  'portal.knowledge': IconBook2,
  'portal.licenses': IconLicense,
  'portal.devices': IconDeviceCctv,
  'portal.remote': IconHeadset,
  'portal.team': IconUsersGroup,
  'console.caseQueue': IconInbox,
  'console.customers': IconBuildingStore,
  'console.catalog': IconCategory2,
  'console.licensing': IconKey,
  'console.remote': IconHeadset,
  'console.statistics': IconChartBar,
  'console.activity': IconHistory,
  'console.settings': IconSettings,
} satisfies Record<string, Icon>;

export type FeatureKey = keyof typeof featureIcons;
