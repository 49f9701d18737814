import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from './actor';
import { ChainVerdict, ChainedFields, GENESIS_HASH, StoredRow, chainHash, verifyChain } from './audit-chain';

/** Key of the advisory lock that lets one transaction at a time extend the chain. */
const CHAIN_LOCK = 7_346_001;
const VERIFY_BATCH = 1_000;

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  /** The fields that matter before and after; never secrets such as password hashes or tokens. */
  summary: { before?: Record<string, unknown>; after?: Record<string, unknown> };
}

export interface AuditTrailEntry {
  id: string;
  occurredAt: string;
  action: string;
  actorUserId: string | null;
  actorOrganizationId: string | null;
  summary: AuditChange['summary'];
  requestId: string | null;
}

interface Row {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_organization_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: AuditChange['summary'];
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

function fieldsOf(row: Row): ChainedFields {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorOrganizationId: row.actor_organization_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    summary: row.summary,
    requestId: row.request_id,
  };
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Appends an entry in the caller's transaction, so the entry exists if and only if the change commits.
   * Refuses to run outside a transaction.
   */
  async record(em: EntityManager, actor: Actor, change: AuditChange): Promise<void> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('Audit entries must be written in the transaction of the change');
    await em.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const [last] = await em.query(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
    const [{ id }] = await em.query(`SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::text AS id`);
    const fields: ChainedFields = {
      id,
      occurredAt: new Date().toISOString(),
      actorUserId: actor.userId,
      actorOrganizationId: actor.organizationId,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      // What jsonb will give back when verifying (dates as strings, no undefined).
      summary: JSON.parse(JSON.stringify(change.summary)),
      requestId: actor.requestId,
    };
    const prevHash: string = last?.hash ?? GENESIS_HASH;
    await em.query(
      `INSERT INTO audit_log (id, occurred_at, actor_user_id, actor_organization_id, action, entity_type, entity_id, summary, request_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        fields.occurredAt,
        fields.actorUserId,
        fields.actorOrganizationId,
        fields.action,
        fields.entityType,
        fields.entityId,
        fields.summary,
        fields.requestId,
        prevHash,
        chainHash(prevHash, fields),
      ],
    );
  }

  /** Walks the whole chain in id order, in batches, and reports the first broken link. */
  async verify(): Promise<ChainVerdict> {
    let prev = GENESIS_HASH;
    let checked = 0;
    let after = '0';
    for (;;) {
      const rows: Row[] = await this.db.query(`SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`, [after, VERIFY_BATCH]);
      if (rows.length === 0) return { ok: true, checked };
      const stored: StoredRow[] = rows.map((r) => ({ ...fieldsOf(r), prevHash: r.prev_hash, hash: r.hash }));
      const verdict = verifyChain(stored, prev);
      if (!verdict.ok) return { ...verdict, checked: checked + verdict.checked };
      checked += verdict.checked;
      prev = stored[stored.length - 1].hash;
      after = stored[stored.length - 1].id;
    }
  }

  async trail(entityType: string, entityId: string): Promise<AuditTrailEntry[]> {
    const rows: Row[] = await this.db.query(`SELECT * FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`, [
      entityType,
      entityId,
    ]);
    return rows.map((r) => {
      const { id, occurredAt, action, actorUserId, actorOrganizationId, requestId } = fieldsOf(r);
      return { id, occurredAt, action, actorUserId, actorOrganizationId, requestId, summary: r.summary };
    });
  }
}
