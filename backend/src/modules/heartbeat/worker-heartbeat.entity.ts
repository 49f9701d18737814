import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Last sign of life of one worker process, written by the heartbeat job it processed. */
@Entity({ name: 'worker_heartbeats' })
export class WorkerHeartbeat {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  workerId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastBeatAt!: Date;

  @Column({ type: 'integer', default: 1 })
  beats!: number;
}
