import type { OrganizationKind, Role } from '@eslabon/contracts';
import { EntityManager } from 'typeorm';
import { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { normalizeEmail } from './accounts.service';
import { hashPassword } from './passwords';

export interface OperatorAccount {
  organization: { id?: string; kind: OrganizationKind; name: string };
  user: { id?: string; email: string; name: string; password: string };
  role: Role;
}

/**
 * Creates (or finds) an active organization with a verified member: how platform operators and
 * oversight offices, which cannot sign up, come to exist (demo seed, admin tooling, tests).
 * Idempotent: fixed ids and e-mails are reused.
 */
export async function ensureOperator(
  em: EntityManager,
  audit: AuditService,
  actor: Actor,
  account: OperatorAccount,
): Promise<{ organizationId: string; userId: string }> {
  const [org] = await em.query(
    `INSERT INTO organizations (id, kind, name, status, decided_at) VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, 'active', now())
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name RETURNING id, (xmax = 0) AS created`,
    [account.organization.id ?? null, account.organization.kind, account.organization.name],
  );
  const email = normalizeEmail(account.user.email);
  const [user] = await em.query(
    `INSERT INTO users (id, email, name, password_hash, email_verified_at) VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, now())
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [account.user.id ?? null, email, account.user.name, await hashPassword(account.user.password)],
  );
  const joined = await em.query(
    `INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id`,
    [user.id, org.id, account.role],
  );
  if (org.created) {
    await audit.record(em, actor, {
      action: 'organization.created',
      entityType: 'organization',
      entityId: org.id,
      summary: { after: { kind: account.organization.kind, name: account.organization.name, status: 'active' } },
    });
  }
  if (joined.length > 0) {
    await audit.record(em, actor, {
      action: 'membership.created',
      entityType: 'organization',
      entityId: org.id,
      summary: { after: { userId: user.id, email, role: account.role } },
    });
  }
  return { organizationId: org.id, userId: user.id };
}
