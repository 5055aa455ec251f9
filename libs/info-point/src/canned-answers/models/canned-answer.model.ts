import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { LocalizedText } from '@sasiad/core';

@ObjectType({ description: 'A prepared answer in four languages, found by its short code.' })
export class CannedAnswerModel {
  @Field(() => ID)
  id: string;

  @Field()
  shortCode: string;

  @Field()
  title: string;

  @Field(() => [LocalizedText], {
    description: 'Every language (pl, uk, be, ru); OUTDATED when the Polish text changed since.',
  })
  texts: LocalizedText[];

  @Field(() => [String], { description: 'The {{names}} every text uses.' })
  placeholders: string[];

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
