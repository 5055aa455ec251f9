import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../auth/access.decorator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { FileStore } from './file-store.service';
import { FileUploadTicketModel, RequestFileUploadInput } from './files.graphql';

@Resolver()
export class FilesResolver {
  constructor(private readonly store: FileStore) {}

  @Mutation(() => FileUploadTicketModel, {
    description:
      'Step 1 of adding a file to an owner (a report, a meeting...): if you may, a single-use upload address valid for 10 minutes.',
  })
  @SignedIn()
  requestFileUpload(
    @Args('input') input: RequestFileUploadInput,
    @CurrentUser() user: AuthUser,
  ): Promise<FileUploadTicketModel> {
    return this.store.requestUpload(user, input);
  }
}
