import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, Language, LanguageCodeScalar, LocalizedText } from '@sasiad/core';
import { AddressModel } from '../../organisations/models/organisation.model';
import { RegistrationStatus, SeatPool } from '../event-registration.schema';
import { EventKind } from '../event.schema';

registerEnumType(EventKind, { name: 'EventKind' });
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });
registerEnumType(SeatPool, {
  name: 'SeatPool',
  description: "A confirmed seat's pool: its group's reserved seats or the general seats.",
});

@ObjectType('EventSeatGroup', { description: 'Seats reserved for one audience group.' })
export class EventSeatGroupModel {
  @Field()
  key: string;

  @Field(() => LocalizedText)
  label: LocalizedText;

  @Field(() => Int)
  seats: number;

  @Field(() => Int, { description: 'Reserved seats of the group nobody holds yet.' })
  seatsLeft: number;
}

@ObjectType('Place')
export class PlaceModel {
  @Field()
  name: string;

  @Field(() => AddressModel, { nullable: true })
  address?: AddressModel | null;
}

@ObjectType('Event', { description: 'A seminar, workshop, zone activity or conference. Public.' })
export class EventModel {
  @Field(() => ID)
  id: string;

  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => LocalizedText, { nullable: true })
  description: LocalizedText | null;

  @Field(() => LanguageCodeScalar, { description: 'The authoritative language of the texts.' })
  baseLanguage: Language;

  @Field(() => PlaceModel)
  place: PlaceModel;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => GraphQLISODateTime)
  endsAt: Date;

  @Field(() => [LanguageCodeScalar])
  languages: Language[];

  @Field(() => [LanguageCodeScalar])
  interpretation: Language[];

  @Field(() => Int)
  capacity: number;

  @Field(() => Int)
  confirmedCount: number;

  @Field(() => Int)
  seatsLeft: number;

  @Field({ description: 'Registration is open until the event starts, unless it is cancelled.' })
  registrationOpen: boolean;

  @Field(() => [EventSeatGroupModel])
  seatGroups: EventSeatGroupModel[];

  @Field(() => Int, { description: 'Seats open to a person without a group.' })
  generalSeatsLeft: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When unused reserved seats join the general seats; null: they stay reserved.',
  })
  reservedUntil: Date | null;

  @Field({ description: 'Cancelled by the organiser.' })
  cancelled: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  cancelledAt: Date | null;
}

@ObjectType()
export class EventConnection extends ConnectionType(EventModel) {}

@ObjectType('EventRegistration', {
  description: "A registrant's own view of a registration (no personal data).",
})
export class EventRegistrationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Place on the waitlist (1 = next to get a seat); null unless waitlisted.',
  })
  waitlistPosition: number | null;

  @Field(() => [LanguageCodeScalar])
  interpretationNeeds: Language[];

  @Field(() => String, { nullable: true, description: 'The declared audience group.' })
  group: string | null;

  @Field(() => SeatPool, { nullable: true, description: 'Null unless confirmed.' })
  seat: SeatPool | null;

  @Field()
  checkedIn: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType({ description: 'The registration and its code. The code is shown only this once.' })
export class RegistrationPayload {
  @Field(() => EventRegistrationModel)
  registration: EventRegistrationModel;

  @Field({ description: 'Show it at the door, or use it to cancel. Keep it; it is not stored.' })
  code: string;
}

@ObjectType('EventRegistrant', { description: "Staff's view of a registration." })
export class EventRegistrantModel {
  @Field(() => ID)
  id: string;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field(() => ID, { nullable: true, description: 'The account, when registered signed in.' })
  userId: string | null;

  @Field(() => String, { nullable: true, description: 'Given when registering without account.' })
  name: string | null;

  @Field(() => String, { nullable: true })
  contact: string | null;

  @Field(() => Int, { nullable: true, description: 'Waitlist order number (1, 2, …).' })
  waitlistSeq: number | null;

  @Field(() => [LanguageCodeScalar])
  interpretationNeeds: Language[];

  @Field(() => String, { nullable: true, description: 'The declared audience group.' })
  group: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Staff checked the declared group: true, false; null: not checked.',
  })
  groupVerified: boolean | null;

  @Field(() => SeatPool, { nullable: true, description: 'Null unless confirmed.' })
  seat: SeatPool | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  checkedInAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => String, {
    nullable: true,
    description: "The code's last 3 symbols, to find a person in the list (never the whole code).",
  })
  codeSuffix: string | null;
}

@ObjectType()
export class EventRegistrantConnection extends ConnectionType(EventRegistrantModel) {}

@ObjectType()
export class LanguageCount {
  @Field(() => LanguageCodeScalar)
  language: Language;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Seats and registrants of one audience group.' })
export class SeatGroupAttendance {
  @Field()
  key: string;

  @Field(() => LocalizedText)
  label: LocalizedText;

  @Field(() => Int, { description: 'Seats reserved for the group.' })
  reservedSeats: number;

  @Field(() => Int, { description: 'Reserved seats held by the group (the counter).' })
  reservedTaken: number;

  @Field(() => Int, { description: 'Confirmed registrants of the group, in any pool.' })
  confirmed: number;

  @Field(() => Int, { description: '… of them in general seats.' })
  confirmedInGeneralSeats: number;

  @Field(() => Int)
  waitlisted: number;

  @Field(() => Int, { description: 'Confirmed or waitlisted registrants staff verified.' })
  verified: number;
}

@ObjectType({ description: 'Numbers for staff preparing the room and the interpreters.' })
export class EventAttendance {
  @Field(() => Int)
  confirmed: number;

  @Field(() => Int)
  waitlisted: number;

  @Field(() => Int)
  checkedIn: number;

  @Field(() => [LanguageCount], {
    description: 'Confirmed registrants needing interpretation, per language.',
  })
  interpretationNeeds: LanguageCount[];

  @Field(() => [LanguageCount], { description: 'The same for the waitlist.' })
  waitlistInterpretationNeeds: LanguageCount[];

  @Field(() => Int, { description: 'General seats (capacity less reserved seats).' })
  generalSeats: number;

  @Field(() => Int, { description: 'General seats held (the counter).' })
  generalTaken: number;

  @Field(() => [SeatGroupAttendance])
  seatGroups: SeatGroupAttendance[];
}

@ObjectType('EventWalkInPayload')
export class EventWalkInPayload {
  @Field(() => EventRegistrantModel, { description: 'Checked in already when asked and seated.' })
  registrant: EventRegistrantModel;

  @Field({ description: 'Give it to the person: it cancels the registration. It is not stored.' })
  code: string;
}
