import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum UserRole {
  PARTICIPANT = 'PARTICIPANT',
  COORDINATOR = 'COORDINATOR',
  LECTURER = 'LECTURER',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
}
registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'PARTICIPANT: everyone signed in. COORDINATOR and LECTURER follow from institution and lecturer records; STAFF and ADMIN are granted.',
});

export enum Language {
  LV = 'lv',
  EN = 'en',
}
registerEnumType(Language, { name: 'Language', description: 'A language of the user interface and of e-mails.' });

@ObjectType({ description: 'A person known to the system: a participant, and possibly a coordinator, lecturer or staff member.' })
@Entity('person')
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'given_name' })
  givenName: string;

  @Field()
  @Column({ name: 'family_name' })
  familyName: string;

  /** Read rules live on the GraphQL field (owner and staff only). */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field(() => Language)
  @Column({ name: 'preferred_language', type: 'text', default: Language.LV })
  preferredLanguage: Language;

  /** One line shown on the development sign-in page; null for real people. */
  @Column({ name: 'demo_note', type: 'text', nullable: true })
  demoNote: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Roles that are granted rather than derived. */
@Entity('person_role')
export class PersonRole {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @PrimaryColumn({ type: 'text' })
  role: UserRole.STAFF | UserRole.ADMIN;
}
