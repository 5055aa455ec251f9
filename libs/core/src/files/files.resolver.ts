import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, SignedIn } from '../auth/access.decorator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { FileStore } from './file-store.service';
import {
  FileUploadTicketModel,
  OwnerFilesArgs,
  RemoveFileInput,
  RequestFileUploadInput,
  StoredFileModel,
  storedFileView,
} from './files.graphql';

@Resolver()
export class FilesResolver {
  constructor(private readonly store: FileStore) {}

  @Query(() => [StoredFileModel], {
    description:
      "An owner's files, oldest first, for whoever may read the owner (anyone, for a public one).",
  })
  @Public()
  async files(@Args() args: OwnerFilesArgs, @CurrentUser() user: AuthUser | null) {
    return (await this.store.listReadableBy(user, args.ownerKind, args.ownerId)).map(
      storedFileView,
    );
  }

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

  @Mutation(() => StoredFileModel, {
    description:
      'Removes a file, for whoever may add files to its owner. Returns what was removed.',
  })
  @SignedIn()
  async removeFile(@Args('input') input: RemoveFileInput, @CurrentUser() user: AuthUser) {
    return storedFileView(await this.store.removeAs(user, input.id));
  }
}
