import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WorkerCheck } from '@eslabon/contracts';
import { DataSource } from 'typeorm';

/** Rows of workers silent for this long are removed; they are long gone. */
const FORGET_AFTER = '1 day';

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

  /** A worker counts as active when it beat within `freshMs`. */
  async status(freshMs: number): Promise<WorkerCheck> {
    const [row] = await this.db.query(
      `SELECT max(last_beat_at) AS last,
              count(*) FILTER (WHERE last_beat_at > now() - make_interval(secs => $1::double precision / 1000))::int AS active
         FROM worker_heartbeats`,
      [freshMs],
    );
    const last: Date | null = row.last;
    return {
      status: row.active > 0 ? 'up' : 'down',
      lastHeartbeatAt: last ? new Date(last).toISOString() : null,
      activeWorkers: row.active,
    };
  }
}
