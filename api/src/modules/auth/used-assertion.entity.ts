import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Identity tokens already accepted, kept until they expire: a second use is a replay. */
@Entity('used_assertion')
export class UsedAssertion {
  /** The issuer and the assertion's ID. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
