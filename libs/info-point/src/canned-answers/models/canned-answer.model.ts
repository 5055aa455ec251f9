import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class CannedTexts {
  @Field()
  pl: string;

  @Field()
  uk: string;

  @Field()
  be: string;

  @Field()
  ru: string;
}

@ObjectType({ description: 'A prepared answer in four languages, found by its short code.' })
export class CannedAnswerModel {
  @Field(() => ID)
  id: string;

  @Field()
  shortCode: string;

  @Field()
  title: string;

  @Field(() => CannedTexts)
  texts: CannedTexts;

  @Field(() => [String], { description: 'The {{names}} every text uses.' })
  placeholders: string[];

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
