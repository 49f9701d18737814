import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext, MembershipView } from './auth-context';
import { hashToken, randomToken } from './secrets';

/** Sessions end this long after sign-in, active or not; signing in again starts a new one. */
export const SESSION_TTL_MS = 12 * 3600 * 1000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Server-side sessions: revocable at once (logout, password reset), unlike self-contained tokens. */
@Injectable()
export class SessionStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(em: EntityManager, userId: string, activeOrganizationId: string | null): Promise<NewSession> {
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await em.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, active_organization_id, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [hashToken(token), userId, csrfToken, activeOrganizationId, expiresAt],
    );
    return { token, csrfToken, expiresAt };
  }

  async find(token: string): Promise<AuthContext | null> {
    const [row] = await this.db.query(
      `SELECT s.token_hash, s.csrf_token, s.active_organization_id, u.id, u.email, u.name, u.locale
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [hashToken(token)],
    );
    if (!row) return null;
    return {
      user: { id: row.id, email: row.email, name: row.name, locale: row.locale },
      session: { tokenHash: row.token_hash, csrfToken: row.csrf_token, activeOrganizationId: row.active_organization_id },
      memberships: await this.memberships(this.db.manager, row.id),
    };
  }

  async memberships(em: EntityManager, userId: string): Promise<MembershipView[]> {
    const rows = await em.query(
      `SELECT m.organization_id, o.name, o.kind, o.status, m.role
         FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = $1 ORDER BY o.name`,
      [userId],
    );
    return rows.map((r: Record<string, string>) => ({
      organizationId: r['organization_id'],
      organizationName: r['name'],
      kind: r['kind'],
      status: r['status'],
      role: r['role'],
    })) as MembershipView[];
  }

  async setActiveOrganization(tokenHash: string, organizationId: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET active_organization_id = $2 WHERE token_hash = $1`, [tokenHash, organizationId]);
  }

  async destroy(tokenHash: string): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
  }

  async destroyAllForUser(em: EntityManager, userId: string): Promise<void> {
    await em.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
  }
}
