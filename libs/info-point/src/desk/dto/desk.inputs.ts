import { Field, InputType, OmitType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { AskQuestionInput } from '../../questions/dto/question.inputs';

/**
 * A question a staff member writes down for a person at the desk. The person's consent is given
 * orally after the desk wording was read (or shown) to them in their language: `consentGiven`
 * must be true and `consentVersion` the wording's version they were shown (`infoPointConsent`'s
 * `deskVersion`), else nothing is stored.
 */
@InputType()
export class AskQuestionForPersonInput extends OmitType(AskQuestionInput, [
  'consentToProcessing',
] as const) {
  @Field({
    description:
      'The person agreed, at the desk, to the desk wording and processing (must be true).',
  })
  @IsBoolean()
  consentGiven: boolean;

  @Field({ description: 'The version of the wording shown to the person (deskVersion).' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  consentVersion: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Claim it for yourself at once; otherwise it waits in the queue for anyone.',
  })
  @IsOptional()
  @IsBoolean()
  claimForMe?: boolean;
}
