import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { ConnectionType, Language, LanguageCodeScalar, LocalizedText } from '@sasiad/core';
import { OrganisationKind } from '../../organisations/organisation-kind';
import { CallProgramme } from '../call-programme';
import { FormFieldType } from '../form';

registerEnumType(FormFieldType, { name: 'FormFieldType' });

@ObjectType('FormOption')
export class FormOptionModel {
  @Field()
  key: string;

  @Field(() => LocalizedText)
  label: LocalizedText;
}

@ObjectType('FormField')
export class FormFieldModel {
  @Field()
  key: string;

  @Field(() => FormFieldType)
  type: FormFieldType;

  @Field(() => LocalizedText)
  label: LocalizedText;

  @Field()
  required: boolean;

  @Field(() => Int, { nullable: true })
  minLength?: number | null;

  @Field(() => Int, { nullable: true })
  maxLength?: number | null;

  @Field(() => Float, { nullable: true })
  min?: number | null;

  @Field(() => Float, { nullable: true })
  max?: number | null;

  @Field(() => [FormOptionModel], { nullable: true })
  options?: FormOptionModel[] | null;
}

@ObjectType('Criterion')
export class CriterionModel {
  @Field()
  key: string;

  @Field(() => LocalizedText)
  label: LocalizedText;

  @Field(() => Int)
  maxPoints: number;
}

@ObjectType('Call', { description: 'An open call for applications (nabór). Public.' })
export class CallModel {
  @Field(() => ID)
  id: string;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => LocalizedText)
  description: LocalizedText;

  @Field(() => LanguageCodeScalar, { description: 'The authoritative language of the texts.' })
  baseLanguage: Language;

  @Field(() => [OrganisationKind])
  eligibleKinds: OrganisationKind[];

  @Field(() => Int)
  places: number;

  @Field(() => GraphQLISODateTime)
  opensAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'From this instant nothing can be changed.' })
  closesAt: Date;

  @Field({ description: 'Whether applications are accepted at the time of the request.' })
  isOpen: boolean;

  @Field(() => Int)
  maxApplicationsPerApplicant: number;

  @Field(() => [FormFieldModel])
  form: FormFieldModel[];

  @Field(() => [CriterionModel])
  criteria: CriterionModel[];

  @Field(() => CallProgramme)
  programme: CallProgramme;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decisionsPublishedAt: Date | null;
}

@ObjectType()
export class CallConnection extends ConnectionType(CallModel) {}
