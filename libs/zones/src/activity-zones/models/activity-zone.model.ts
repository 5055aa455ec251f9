import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { OrganisationModel } from '../../organisations/models/organisation.model';

@ObjectType('ActivityZone', {
  description: 'An Intercultural Neighbourhood Activity Zone (MSAS) and the branch that runs it.',
})
export class ActivityZoneModel {
  @Field(() => ID)
  id: string;

  @Field(() => OrganisationModel)
  organisation: OrganisationModel;

  @Field(() => ID)
  callId: string;

  @Field(() => GraphQLISODateTime)
  since: Date;
}
