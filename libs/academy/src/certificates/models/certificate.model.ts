import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType, Language, LanguageEnum, LocalizedText } from '@sasiad/core';

@ObjectType({ description: 'A certificate as its owner and staff see it.' })
export class CertificateModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  courseId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only for its owner: give it to whoever should verify the certificate.',
  })
  verificationCode: string | null;

  @Field()
  displayName: string;

  @Field(() => LocalizedText)
  courseTitle: LocalizedText;

  @Field(() => GraphQLISODateTime)
  issuedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why staff revoked it.' })
  revocationReason: string | null;

  @Field(() => LanguageEnum, {
    nullable: true,
    description: "The holder's language when claiming (the PDF is in it and in Polish).",
  })
  language: Language | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only for its owner: where the certificate is served as a PDF (in the holder’s language and Polish, with the verification QR code), relative to the API’s address. Anyone with this link can open it, as with the verification code.',
  })
  pdfPath: string | null;
}

@ObjectType()
export class CertificateConnection extends ConnectionType(CertificateModel) {}

@ObjectType({
  description:
    'What anyone holding a verification code sees: only the name, course title and date, or that it was revoked.',
})
export class CertificateVerification {
  @Field()
  valid: boolean;

  @Field(() => String, { nullable: true, description: 'Null when revoked.' })
  displayName: string | null;

  @Field(() => LocalizedText, { nullable: true, description: 'Null when revoked.' })
  courseTitle: LocalizedText | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null when revoked.' })
  issuedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt: Date | null;
}
