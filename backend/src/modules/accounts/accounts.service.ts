import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MembersResponse,
  OrganizationView,
  ROLES_BY_KIND,
  Role,
  SessionView,
  SignUpRequest,
  SignUpResponse,
  initialStatus,
  roleFitsKind,
} from '@eslabon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { AuthContext } from '../../core/auth/auth-context';
import { NewSession, SessionStore } from '../../core/auth/session-store';
import { DomainError } from '../../core/http/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { Organization } from './entities/organization.entity';
import { consumeToken } from './one-time-tokens';
import { hashPassword, verifyPassword } from './passwords';
import { isUniqueViolation } from '../../core/database/unique-violation';

/** Failed logins counted over this window for throttling. */
const THROTTLE_WINDOW_S = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 30;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const emailTaken = () => DomainError.field('conflict', 'email_taken', 'email', 'There is already an account with this e-mail address.');

/** Two sign-ups racing for one address: the unique index decides, and the loser gets the same 409. */
const isDuplicateEmail = (error: unknown): boolean => isUniqueViolation(error, 'ix_users_email');

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionStore,
  ) {}

  /** Suppliers become active at once; state bodies are created pending a platform admin's approval. */
  async signUp(input: SignUpRequest, actor: Actor): Promise<SignUpResponse> {
    const email = normalizeEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    const created = this.db.transaction(async (em) => {
      await this.assertEmailFree(em, email);
      const organization = await em.getRepository(Organization).save({
        kind: input.organizationKind,
        name: input.organizationName.trim(),
        status: initialStatus(input.organizationKind),
        decidedAt: null,
        decidedBy: null,
      });
      const [{ id: userId }] = await em.query(
        `INSERT INTO users (email, name, password_hash, locale) VALUES ($1, $2, $3, $4) RETURNING id`,
        [email, input.name.trim(), passwordHash, input.locale],
      );
      const role = ROLES_BY_KIND[organization.kind][0];
      await em.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3)`, [userId, organization.id, role]);
      const by = { ...actor, userId, organizationId: organization.id };
      await this.audit.record(em, by, {
        action: 'organization.registered',
        entityType: 'organization',
        entityId: organization.id,
        summary: { after: { kind: organization.kind, name: organization.name, status: organization.status } },
      });
      await this.audit.record(em, by, {
        action: 'user.registered',
        entityType: 'user',
        entityId: userId,
        summary: { after: { email, role, organizationId: organization.id } },
      });
      await this.outbox.publish(em, 'user.registered', { userId });
      return { userId, organizationId: organization.id, organizationStatus: organization.status };
    });
    return created.catch((error: unknown) => {
      throw isDuplicateEmail(error) ? emailTaken() : error;
    });
  }

  async verifyEmail(token: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (em) => {
      const userId = await consumeToken(em, 'verify_email', token);
      await em.query(`UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`, [userId]);
      await this.audit.record(
        em,
        { ...actor, userId },
        { action: 'user.email_verified', entityType: 'user', entityId: userId, summary: {} },
      );
    });
  }

  /**
   * Throttled per account and per address before the password is even checked, so a locked
   * account reveals nothing; every attempt is recorded.
   */
  async login(emailInput: string, password: string, ip: string, actor: Actor): Promise<{ session: NewSession; view: SessionView }> {
    const email = normalizeEmail(emailInput);
    // The attempt is recorded (as failed) before anything is checked, so parallel guesses count each other.
    const [{ id: attemptId }] = await this.db.query(
      `INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, false) RETURNING id`,
      [email, ip],
    );
    const [counts] = await this.db.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS account, count(*) FILTER (WHERE ip = $2)::int AS address
         FROM login_attempts
        WHERE NOT succeeded AND id <> $4 AND attempted_at > now() - make_interval(secs => $3) AND (email = $1 OR ip = $2)`,
      [email, ip, THROTTLE_WINDOW_S, attemptId],
    );
    if (counts.account >= MAX_FAILURES_PER_ACCOUNT || counts.address >= MAX_FAILURES_PER_ADDRESS) {
      // A refused attempt does not extend the lock-out.
      await this.db.query(`DELETE FROM login_attempts WHERE id = $1`, [attemptId]);
      throw new DomainError('too_many_requests', 'login_throttled', 'Too many failed sign-in attempts. Wait 15 minutes and try again.', {
        retryAfterSeconds: THROTTLE_WINDOW_S,
      });
    }
    const [user] = await this.db.query(`SELECT id, password_hash, email_verified_at FROM users WHERE email = $1`, [email]);
    const ok = await verifyPassword(user?.password_hash ?? null, password);
    if (!ok) throw new DomainError('unauthenticated', 'invalid_credentials', 'The e-mail or the password is not correct.');
    await this.db.query(`UPDATE login_attempts SET succeeded = true WHERE id = $1`, [attemptId]);
    if (!user.email_verified_at) {
      throw new DomainError('forbidden', 'email_not_verified', 'Confirm your e-mail address first: open the link we sent you.');
    }
    return this.db.transaction(async (em) => {
      await this.audit.record(
        em,
        { ...actor, userId: user.id },
        { action: 'user.signed_in', entityType: 'user', entityId: user.id, summary: {} },
      );
      return this.startSession(em, user.id);
    });
  }

  async logout(auth: AuthContext): Promise<void> {
    await this.sessions.destroy(auth.session.tokenHash);
  }

  /** Answers the same whether or not the address has an account. */
  async requestPasswordReset(emailInput: string, actor: Actor): Promise<void> {
    const [user] = await this.db.query(`SELECT id FROM users WHERE email = $1`, [normalizeEmail(emailInput)]);
    if (!user) return;
    await this.db.transaction(async (em) => {
      await this.audit.record(
        em,
        { ...actor, userId: user.id },
        {
          action: 'user.password_reset_requested',
          entityType: 'user',
          entityId: user.id,
          summary: {},
        },
      );
      await this.outbox.publish(em, 'password_reset.requested', { userId: user.id });
    });
  }

  /** Sets the new password and ends every session of the user. */
  async resetPassword(token: string, password: string, actor: Actor): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (em) => {
      const userId = await consumeToken(em, 'reset_password', token);
      // Receiving the link proves the address too.
      await em.query(`UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`, [
        userId,
        passwordHash,
      ]);
      await this.sessions.destroyAllForUser(em, userId);
      await this.audit.record(
        em,
        { ...actor, userId },
        { action: 'user.password_reset', entityType: 'user', entityId: userId, summary: {} },
      );
    });
  }

  sessionView(auth: AuthContext | undefined): SessionView {
    if (!auth) return { authenticated: false };
    return {
      authenticated: true,
      user: auth.user,
      memberships: auth.memberships,
      activeOrganizationId: auth.session.activeOrganizationId,
    };
  }

  async switchOrganization(auth: AuthContext, organizationId: string): Promise<SessionView> {
    if (!auth.memberships.some((m) => m.organizationId === organizationId)) {
      throw new DomainError('not_found', 'not_found', 'Not found.');
    }
    await this.sessions.setActiveOrganization(auth.session.tokenHash, organizationId);
    return this.sessionView({ ...auth, session: { ...auth.session, activeOrganizationId: organizationId } });
  }

  async invite(organizationId: string, emailInput: string, role: Role, actor: Actor): Promise<{ invitationId: string }> {
    const email = normalizeEmail(emailInput);
    return this.db.transaction(async (em) => {
      const organization = await em.getRepository(Organization).findOneByOrFail({ id: organizationId });
      if (!roleFitsKind(role, organization.kind)) {
        throw DomainError.field('invalid', 'role_not_allowed', 'role', `The role ${role} does not exist in this kind of organization.`);
      }
      const [member] = await em.query(
        `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND u.email = $2`,
        [organizationId, email],
      );
      if (member) throw DomainError.field('conflict', 'already_member', 'email', 'This person is already a member.');
      const [{ id }] = await em.query(
        `INSERT INTO invitations (organization_id, email, role, invited_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [organizationId, email, role, actor.userId],
      );
      await this.audit.record(em, actor, {
        action: 'invitation.created',
        entityType: 'organization',
        entityId: organizationId,
        summary: { after: { invitationId: id, email, role } },
      });
      await this.outbox.publish(em, 'invitation.created', { invitationId: id });
      return { invitationId: id };
    });
  }

  /**
   * Joins the inviting organization. A new person sets a name and password (the link proves the
   * address); someone with an account confirms with their password. Either way they are signed in.
   */
  async acceptInvitation(
    token: string,
    password: string,
    name: string | undefined,
    actor: Actor,
  ): Promise<{ session: NewSession; view: SessionView }> {
    const newHash = await hashPassword(password);
    return this.db.transaction(async (em) => {
      const invitationId = await consumeToken(em, 'invitation', token);
      const [invitation] = await em.query(`SELECT * FROM invitations WHERE id = $1 AND accepted_at IS NULL FOR UPDATE`, [invitationId]);
      if (!invitation) throw new DomainError('gone', 'token_expired', 'This invitation was already used.');
      const [existing] = await em.query(`SELECT id, password_hash FROM users WHERE email = $1`, [invitation.email]);
      let userId: string;
      if (existing) {
        if (!(await verifyPassword(existing.password_hash, password))) {
          throw DomainError.field('unauthenticated', 'invalid_credentials', 'password', 'The password is not correct.');
        }
        userId = existing.id;
      } else {
        if (!name?.trim()) throw DomainError.field('invalid', 'name_required', 'name', 'Tell us your name.');
        [{ id: userId }] = await em.query(
          `INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ($1, $2, $3, now()) RETURNING id`,
          [invitation.email, name.trim(), newHash],
        );
      }
      const joined = await em.query(
        `INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id`,
        [userId, invitation.organization_id, invitation.role],
      );
      await em.query(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [invitationId]);
      if (joined.length > 0)
        await this.audit.record(
          em,
          { ...actor, userId, organizationId: invitation.organization_id },
          {
            action: 'membership.created',
            entityType: 'organization',
            entityId: invitation.organization_id,
            summary: { after: { userId, email: invitation.email, role: invitation.role, invitationId } },
          },
        );
      return this.startSession(em, userId, invitation.organization_id);
    });
  }

  async members(organizationId: string): Promise<MembersResponse> {
    const members = await this.db.query(
      `SELECT u.id AS "userId", u.name, u.email, m.role, m.created_at AS since
         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 ORDER BY u.name`,
      [organizationId],
    );
    const invitations = await this.db.query(
      `SELECT id, email, role, created_at AS "invitedAt" FROM invitations
        WHERE organization_id = $1 AND accepted_at IS NULL ORDER BY created_at`,
      [organizationId],
    );
    const iso = (d: Date) => d.toISOString();
    return {
      members: members.map((m: { since: Date }) => ({ ...m, since: iso(m.since) })),
      invitations: invitations.map((i: { invitedAt: Date }) => ({ ...i, invitedAt: iso(i.invitedAt) })),
    };
  }

  async organizations(status: OrganizationView['status']): Promise<OrganizationView[]> {
    const rows = await this.db.getRepository(Organization).find({ where: { status }, order: { createdAt: 'ASC' } });
    return rows.map((o) => ({ id: o.id, kind: o.kind, name: o.name, status: o.status, createdAt: o.createdAt.toISOString() }));
  }

  /** A platform admin's decision on a state body's request for access. */
  async decide(organizationId: string, decision: 'approve' | 'reject', actor: Actor): Promise<OrganizationView> {
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Organization);
      const organization = await repo.findOne({ where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!organization) throw new DomainError('not_found', 'not_found', 'Not found.');
      if (organization.status !== 'pending_approval') {
        throw new DomainError('conflict', 'already_decided', `This organization is already ${organization.status}.`);
      }
      const status = decision === 'approve' ? 'active' : 'rejected';
      await repo.update(organizationId, { status, decidedAt: new Date(), decidedBy: actor.userId });
      await this.audit.record(em, actor, {
        action: `organization.${decision === 'approve' ? 'approved' : 'rejected'}`,
        entityType: 'organization',
        entityId: organizationId,
        summary: { before: { status: organization.status }, after: { status } },
      });
      if (decision === 'approve') await this.outbox.publish(em, 'organization.approved', { organizationId });
      return {
        id: organization.id,
        kind: organization.kind,
        name: organization.name,
        status,
        createdAt: organization.createdAt.toISOString(),
      };
    });
  }

  private async assertEmailFree(em: EntityManager, email: string): Promise<void> {
    const [taken] = await em.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
    if (taken) throw emailTaken();
  }

  /** Signs the user in, working for the given organization, else the first active one. */
  private async startSession(
    em: EntityManager,
    userId: string,
    organizationId?: string,
  ): Promise<{ session: NewSession; view: SessionView }> {
    const memberships = await this.sessions.memberships(em, userId);
    const activeOrganizationId =
      organizationId ?? (memberships.find((m) => m.status === 'active') ?? memberships[0])?.organizationId ?? null;
    const session = await this.sessions.create(em, userId, activeOrganizationId);
    const [user] = await em.query(`SELECT id, email, name, locale FROM users WHERE id = $1`, [userId]);
    return { session, view: { authenticated: true, user, memberships, activeOrganizationId } };
  }
}
