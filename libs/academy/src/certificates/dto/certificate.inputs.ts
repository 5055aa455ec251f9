import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsMongoId, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Language } from '@sasiad/core';
import { LangField } from '../../common/dto/fields';

@InputType()
export class ClaimCertificateInput {
  @Field(() => ID)
  @IsMongoId()
  courseId: string;

  @Field({ description: 'The name to show on the certificate (and to whoever verifies it).' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName: string;
}

@ArgsType()
export class VerifyCertificateArgs {
  @Field()
  @Matches(/^[A-Za-z0-9_-]{16,64}$/)
  verificationCode: string;

  @LangField()
  lang?: Language;
}

@InputType()
export class RevokeCertificateInput {
  @Field(() => ID)
  @IsMongoId()
  certificateId: string;

  @Field({
    description:
      'Why it is revoked (3–500 characters): kept with the certificate for staff and its holder.',
  })
  @IsString()
  @Matches(/\S.*\S.*\S/s, { message: 'reason: at least 3 characters besides spaces' })
  @MaxLength(500)
  reason: string;
}
