import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Language, LanguageCodeScalar, OpeningHours } from '@sasiad/core';
import { BookingStatus, ConsultationTopic } from '../consultation.schema';

@ObjectType('Adviser')
export class AdviserModel {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => [ConsultationTopic])
  topics: ConsultationTopic[];

  @Field(() => [LanguageCodeScalar])
  languages: Language[];

  @Field(() => Int)
  slotMinutes: number;

  @Field(() => OpeningHours, { description: 'Weekly plan in Warsaw time with exceptions.' })
  plan: OpeningHours;
}

@ObjectType('ConsultationSlot')
export class ConsultationSlotModel {
  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => GraphQLISODateTime)
  endsAt: Date;
}

@ObjectType('Consultation')
export class ConsultationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  adviserId: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => GraphQLISODateTime)
  endsAt: Date;

  @Field(() => ConsultationTopic)
  topic: ConsultationTopic;

  @Field(() => LanguageCodeScalar)
  language: Language;

  @Field(() => BookingStatus)
  status: BookingStatus;

  @Field(() => String, {
    nullable: true,
    description: "The adviser's private notes: only in the adviser's own list.",
  })
  notes: string | null;
}

@ObjectType('ConsultationRecord')
export class ConsultationRecordModel {
  @Field(() => ID)
  organisationId: string;

  @Field(() => Int)
  booked: number;

  @Field(() => Int)
  attended: number;

  @Field(() => Int)
  noShows: number;
}
