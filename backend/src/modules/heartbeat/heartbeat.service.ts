import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Rows of workers silent for this long are removed; they are long gone. */
const FORGET_AFTER = '1 day';

export interface LastHeartbeat {
  /** ISO-8601 UTC time of the newest processed heartbeat, or null if none yet. */
  at: string | null;
  /** Whether it falls within the freshness window (judged by the database clock). */
  fresh: boolean;
}

@Injectable()
export class HeartbeatService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(workerId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO worker_heartbeats (worker_id) VALUES ($1)
       ON CONFLICT (worker_id) DO UPDATE SET last_beat_at = now(), beats = worker_heartbeats.beats + 1`,
      [workerId],
    );
    await this.db.query(`DELETE FROM worker_heartbeats WHERE last_beat_at < now() - $1::interval`, [FORGET_AFTER]);
  }

  async last(freshMs: number): Promise<LastHeartbeat> {
    const [row] = await this.db.query(
      `SELECT max(last_beat_at) AS at,
              coalesce(max(last_beat_at) > now() - make_interval(secs => $1::double precision / 1000), false) AS fresh
         FROM worker_heartbeats`,
      [freshMs],
    );
    return { at: row.at ? new Date(row.at).toISOString() : null, fresh: row.fresh };
  }
}
