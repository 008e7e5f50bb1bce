import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A public body or company whose employees take part in training.' })
@Entity('institution')
export class Institution {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ unique: true })
  code: string;

  @Field()
  @Column()
  name: string;

  @Field()
  @Column({ name: 'registration_number', unique: true })
  registrationNumber: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('institution_coordinator')
export class InstitutionCoordinator {
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;
}

/** A person's work at an institution; ended employments are kept, so history survives a move (R-ID-5). */
@Entity('employment')
export class Employment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
