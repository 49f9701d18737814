import { EntityManager } from 'typeorm';
import { hashToken, randomToken } from '../../core/auth/secrets';
import { DomainError } from '../../core/http/domain-error';
import { TokenPurpose } from './entities/one-time-token.entity';

/** How long each kind of e-mailed link works. */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * 3600 * 1000,
  reset_password: 3600 * 1000,
  invitation: 7 * 24 * 3600 * 1000,
};

/** Creates a single-use token and returns it in clear, for the e-mail; only its hash is stored. */
export async function issueToken(em: EntityManager, purpose: TokenPurpose, subjectId: string): Promise<string> {
  const token = randomToken();
  await em.query(`INSERT INTO one_time_tokens (token_hash, purpose, subject_id, expires_at) VALUES ($1, $2, $3, $4)`, [
    hashToken(token),
    purpose,
    subjectId,
    new Date(Date.now() + TOKEN_TTL_MS[purpose]),
  ]);
  return token;
}

/** Uses up a token and returns its subject; unknown, used and expired tokens are refused. */
export async function consumeToken(em: EntityManager, purpose: TokenPurpose, token: string): Promise<string> {
  const [row] = await em.query(
    `SELECT id, subject_id, used_at, expires_at < now() AS expired FROM one_time_tokens
      WHERE token_hash = $1 AND purpose = $2 FOR UPDATE`,
    [hashToken(token), purpose],
  );
  if (!row) throw new DomainError('invalid', 'token_invalid', 'This link is not valid.');
  if (row.used_at || row.expired) throw new DomainError('gone', 'token_expired', 'This link was already used or has expired.');
  await em.query(`UPDATE one_time_tokens SET used_at = now() WHERE id = $1`, [row.id]);
  return row.subject_id;
}
