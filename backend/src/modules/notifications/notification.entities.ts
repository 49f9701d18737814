import type { MatchReason, NotificationFrequency, NotificationKind, TenderSearchQuery } from '@eslabon/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../accounts/entities/user.entity';
import { Tender } from '../tenders/tender.entities';

/**
 * Where a notice's e-mail stands: `pending` goes out at once, `digest` waits for the daily summary,
 * `sending` is claimed by a worker, `failed` ran out of attempts, `none` is never sent (e-mail off, or
 * no verified address).
 */
export type EmailStatus = 'pending' | 'digest' | 'sending' | 'sent' | 'failed' | 'none';

/** One in-app notice to one user. `dedupeKey` makes a repeated job or event a no-op. */
@Entity({ name: 'notifications' })
@Index('uq_notifications_user_dedupe', ['userId', 'dedupeKey'], { unique: true })
@Index('ix_notifications_user_created', ['userId', 'createdAt'])
@Index('ix_notifications_email_status', ['emailStatus', 'createdAt'], { where: `email_status IN ('pending', 'digest', 'sending')` })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  /** `tender:<id>`: a user hears of a tender once, by a match or by a saved search. */
  @Column({ type: 'text' })
  dedupeKey!: string;

  @Column({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  reasons!: MatchReason[];

  @Column({ type: 'integer', nullable: true })
  score!: number | null;

  @Column({ type: 'uuid', nullable: true })
  savedSearchId!: string | null;

  @Column({ type: 'text', default: 'none' })
  emailStatus!: EmailStatus;

  @Column({ type: 'timestamptz', nullable: true })
  emailedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  emailAttempts!: number;

  /** When a worker last took the e-mail; a claim older than a few minutes is a worker that died. */
  @Column({ type: 'timestamptz', nullable: true })
  emailClaimedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A user's e-mail choices; a user without a row gets instant e-mails. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text', default: 'instant' })
  tenderMatches!: NotificationFrequency;

  @Column({ type: 'text', default: 'instant' })
  savedSearches!: NotificationFrequency;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A tender search a user keeps as an alert: each newly published tender it finds becomes a notice. */
@Entity({ name: 'saved_searches' })
export class SavedSearch {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  query!: TenderSearchQuery;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
