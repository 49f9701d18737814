import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Which consumer already applied which event: delivery is at-least-once, effects are exactly-once. */
@Entity({ name: 'processed_events' })
export class ProcessedEvent {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ type: 'uuid' })
  eventId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  processedAt!: Date;
}
