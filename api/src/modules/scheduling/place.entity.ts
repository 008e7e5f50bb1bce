import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Language } from '../people/person.entity.js';

@ObjectType({ description: 'A room where sessions take place.' })
@Entity('place')
export class Place {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'In Latvian, or a name that reads the same in every language.' })
  @Column()
  name: string;

  @Field(() => String, { nullable: true, description: 'In English; null when the Latvian name serves.' })
  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Field()
  @Column()
  address: string;

  @Field(() => String, { nullable: true, description: 'The room as people say it, in Latvian ("108. telpa (datorklase)").' })
  @Column({ type: 'text', nullable: true })
  room: string | null;

  @Field(() => String, { nullable: true, description: 'The room in English ("Room 108 (computer lab)"); null when the Latvian one serves.' })
  @Column({ name: 'room_en', type: 'text', nullable: true })
  roomEn: string | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  capacity: number;
}

/** A place as a person reading in this language sees it: English where given, the Latvian text otherwise. */
export function placeIn(place: Place, language: Language): { name: string; address: string; room: string | null } {
  const english = language === Language.EN;
  return {
    name: (english && place.nameEn) || place.name,
    address: place.address,
    room: (english && place.roomEn) || place.room,
  };
}
