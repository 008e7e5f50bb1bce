import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person's private calendar feed: the URL carries a random token, of which only the SHA-256 is
 * kept. One per person; creating a new one replaces (revokes) the old.
 */
@Entity('calendar_feed')
export class CalendarFeed {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'token_hash', unique: true })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
