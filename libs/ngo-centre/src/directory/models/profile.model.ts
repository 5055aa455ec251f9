import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType, Language, LanguageCodeScalar, LocalizedText } from '@sasiad/core';
import { OrganisationModel } from '@sasiad/zones';
import { LegalForm, MemberRole, MemberState, VerificationState } from '../../common/legal-form';

@ObjectType('NgoProfile', {
  description: "An organisation's profile in the NGO centre's directory (public once verified).",
})
export class NgoProfileModel {
  @Field(() => ID)
  organisationId: string;

  @Field(() => OrganisationModel, { description: 'Name, address, contact and opening hours.' })
  organisation: OrganisationModel;

  @Field(() => LegalForm)
  legalForm: LegalForm;

  @Field(() => String, { nullable: true })
  krs: string | null;

  @Field(() => String, { nullable: true })
  nip: string | null;

  @Field(() => String, { nullable: true })
  regon: string | null;

  @Field(() => [String])
  fieldsOfActivity: string[];

  @Field(() => [String])
  districts: string[];

  @Field(() => [LanguageCodeScalar])
  languages: Language[];

  @Field(() => LocalizedText, { nullable: true })
  description: LocalizedText | null;

  @Field(() => VerificationState)
  verification: VerificationState;

  @Field(() => String, { nullable: true, description: 'Why the centre refused it.' })
  refusalReason: string | null;

  @Field(() => GraphQLISODateTime)
  registeredAt: Date;
}

@ObjectType()
export class NgoProfileConnection extends ConnectionType(NgoProfileModel) {}

@ObjectType('NgoMember')
export class NgoMemberModel {
  @Field(() => ID)
  organisationId: string;

  @Field(() => ID)
  userId: string;

  @Field(() => MemberRole)
  role: MemberRole;

  @Field(() => MemberState)
  state: MemberState;
}
