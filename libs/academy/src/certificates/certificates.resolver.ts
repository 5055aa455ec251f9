import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  Ctx,
  CurrentUser,
  PageArgs,
  Public,
  RequestContext,
  SignedIn,
} from '@sasiad/core';
import { CertificatesService } from './certificates.service';
import { Authors } from '../common/authors';
import { CourseIdArgs } from '../common/dto/read.args';
import {
  ClaimCertificateInput,
  RevokeCertificateInput,
  VerifyCertificateArgs,
} from './dto/certificate.inputs';
import {
  CertificateConnection,
  CertificateModel,
  CertificateVerification,
} from './models/certificate.model';

@Resolver()
export class CertificatesResolver {
  constructor(private readonly certificates: CertificatesService) {}

  @Mutation(() => CertificateModel, {
    description:
      'The completion certificate of a finished course (every lesson done, every quiz passed). Claiming again returns the same one.',
  })
  @SignedIn()
  claimCertificate(
    @Args('input') input: ClaimCertificateInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.certificates.claim(input, user, ctx.lang);
  }

  @Query(() => CertificateConnection, {
    description:
      'The signed-in holder’s certificates, newest first, with their verification codes and PDF links.',
  })
  @SignedIn()
  myCertificates(
    @Args() args: PageArgs,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.certificates.mine(user, args, ctx.lang);
  }

  @Query(() => CertificateVerification, {
    description: 'Check a certificate by its verification code. Anyone may ask.',
  })
  @Public()
  verifyCertificate(@Args() args: VerifyCertificateArgs, @Ctx() ctx: RequestContext) {
    return this.certificates.verify(args.verificationCode, args.lang ?? ctx.lang);
  }

  @Mutation(() => CertificateModel)
  @Authors()
  revokeCertificate(
    @Args('input') input: RevokeCertificateInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.certificates.revoke(input.certificateId, input.reason, user, ctx.lang);
  }

  @Query(() => [CertificateModel])
  @Authors()
  courseCertificates(@Args() args: CourseIdArgs, @Ctx() ctx: RequestContext) {
    return this.certificates.ofCourse(args.courseId, ctx.lang);
  }
}
