import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, LocalizedText, StoredFileModel } from '@sasiad/core';
import { PublicationKind } from '../publication.schema';

@ObjectType('PublicationVersion')
export class PublicationVersionModel {
  @Field(() => Int)
  number: number;

  @Field(() => StoredFileModel, { nullable: true, description: 'Null if the file was removed.' })
  file: StoredFileModel | null;

  @Field({ description: 'A later version supersedes it; it stays readable.' })
  superseded: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  validFrom: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  validUntil: Date | null;

  @Field(() => GraphQLISODateTime)
  addedAt: Date;
}

@ObjectType('Publication')
export class PublicationModel {
  @Field(() => ID)
  id: string;

  @Field(() => PublicationKind)
  kind: PublicationKind;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => LocalizedText, { nullable: true })
  summary: LocalizedText | null;

  @Field(() => [String])
  topics: string[];

  @Field(() => PublicationVersionModel, { nullable: true, description: 'The latest version.' })
  current: PublicationVersionModel | null;

  @Field(() => [PublicationVersionModel], { description: 'Newest first.' })
  versions: PublicationVersionModel[];
}

@ObjectType()
export class PublicationConnection extends ConnectionType(PublicationModel) {}
