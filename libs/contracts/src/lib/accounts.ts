import type { Locale } from './locales';
import type { OrganizationKind, OrganizationStatus, SELF_SERVICE_KINDS } from './organizations';
import type { Role } from './roles';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export interface SignUpRequest {
  organizationKind: (typeof SELF_SERVICE_KINDS)[number];
  organizationName: string;
  name: string;
  email: string;
  password: string;
  locale: Locale;
}

export interface SignUpResponse {
  userId: string;
  organizationId: string;
  organizationStatus: OrganizationStatus;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface MembershipSummary {
  organizationId: string;
  organizationName: string;
  kind: OrganizationKind;
  status: OrganizationStatus;
  role: Role;
}

/** What the app knows about the signed-in user; `authenticated: false` for visitors. */
export type SessionView =
  | { authenticated: false }
  | {
      authenticated: true;
      user: { id: string; email: string; name: string; locale: Locale };
      memberships: MembershipSummary[];
      activeOrganizationId: string | null;
    };

export interface InvitationRequest {
  email: string;
  role: Role;
}

export interface AcceptInvitationRequest {
  token: string;
  name?: string;
  password: string;
}

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: string;
}

export interface PendingInvitationView {
  id: string;
  email: string;
  role: Role;
  invitedAt: string;
}

export interface MembersResponse {
  members: MemberView[];
  invitations: PendingInvitationView[];
}

export interface OrganizationView {
  id: string;
  kind: OrganizationKind;
  name: string;
  status: OrganizationStatus;
  createdAt: string;
}

export type AuditVerification =
  { ok: true; checked: number } | { ok: false; checked: number; brokenAtId: string; reason: 'prev_hash' | 'hash' };
