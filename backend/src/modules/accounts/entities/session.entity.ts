import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

/** A signed-in browser. Only a hash of the cookie's token is stored, so a database leak opens no session. */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn({ type: 'text' })
  tokenHash!: string;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  /** Must come back in the X-XSRF-TOKEN header of every state-changing request. */
  @Column({ type: 'text' })
  csrfToken!: string;

  @Column({ type: 'uuid', nullable: true })
  activeOrganizationId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
