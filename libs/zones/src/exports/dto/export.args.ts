import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsMongoId } from 'class-validator';

@ArgsType()
export class ExportApplicationsArgs {
  @Field(() => ID)
  @IsMongoId()
  callId: string;
}

@ArgsType()
export class ExportEventRegistrationsArgs {
  @Field(() => ID)
  @IsMongoId()
  eventId: string;
}
