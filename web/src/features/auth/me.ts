// The signed-in person as `GET /api/v1/me` returns it. The shape is the server's shared Zod schema
// (common/schemas/me.ts); this file only gives the web its names for it, as types (no Zod at runtime).
import type { Me, Membership, Theme } from '@common/schemas/me';
import type { CustomerRole, StaffRole } from '@common/permissions';

export type { Me, Membership, StaffRole };

export type MemberRole = CustomerRole;

export type ThemePreference = Theme;
