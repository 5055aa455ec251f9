import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@sasiad/core';
import { CallRankingArgs } from '../reviews/dto/review.inputs';
import { ExportsService } from './exports.service';

@Resolver()
export class ExportsResolver {
  constructor(private readonly service: ExportsService) {}

  @Query(() => String, {
    description:
      'The call’s applications as CSV (RFC 4180, CRLF): answers by form key, mean scores, rank, decision.',
  })
  @Roles(Role.admin)
  exportApplicationsCsv(@Args() args: CallRankingArgs) {
    return this.service.applicationsCsv(args.callId);
  }
}
