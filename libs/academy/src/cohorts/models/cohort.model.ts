import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalizedText } from '@sasiad/core';

@ObjectType()
export class CohortSessionModel {
  @Field(() => ID)
  id: string;

  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => Int)
  durationMinutes: number;

  @Field()
  place: string;
}

@ObjectType('Cohort')
export class CohortModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  courseId: string;

  @Field(() => LocalizedText)
  name: LocalizedText;

  @Field(() => Int, { nullable: true })
  capacity: number | null;

  @Field(() => Int)
  memberCount: number;

  @Field(() => [CohortSessionModel])
  sessions: CohortSessionModel[];
}

@ObjectType()
export class AttendanceRecord {
  @Field(() => ID)
  sessionId: string;

  @Field(() => ID)
  userId: string;

  @Field()
  present: boolean;
}

@ObjectType({ description: "A cohort's member as authors see them on the attendance sheet." })
export class CohortMember {
  @Field(() => ID)
  userId: string;

  @Field(() => String, {
    nullable: true,
    description: 'The name the person goes by, if they set one.',
  })
  displayName: string | null;
}
