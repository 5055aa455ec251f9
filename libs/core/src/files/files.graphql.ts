import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsMongoId, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { FileKind } from './file-kind';
import { OWNER_KIND_PATTERN } from './file-owner-kind';
import { FILES_PATH, StoredFile } from './file-store.service';

@InputType()
export class RequestFileUploadInput {
  @Field({ description: 'The owner kind declared by a context, e.g. `grants.report`.' })
  @IsString()
  @MaxLength(60)
  @Matches(OWNER_KIND_PATTERN)
  ownerKind!: string;

  @Field(() => ID, { description: "The owner's id in its context." })
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9_.:-]+$/)
  ownerId!: string;

  @Field({ description: 'The name of the file on the user’s device (shown on download).' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fileName!: string;
}

@ArgsType()
export class OwnerFilesArgs {
  @Field({ description: 'The owner kind declared by a context, e.g. `grants.report`.' })
  @IsString()
  @MaxLength(60)
  @Matches(OWNER_KIND_PATTERN)
  ownerKind!: string;

  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9_.:-]+$/)
  ownerId!: string;
}

@InputType()
export class RemoveFileInput {
  @Field(() => ID)
  @IsMongoId()
  id!: string;
}

@ObjectType({ description: 'Where to send the bytes of one file, once, within a few minutes.' })
export class FileUploadTicketModel {
  @Field({
    description:
      'Relative to the API origin. POST the raw bytes there with Content-Type: application/octet-stream; the answer is the stored file as JSON ({ id, kind, mimeType, size, sha256, fileName, url }).',
  })
  uploadUrl!: string;

  @Field()
  expiresAt!: Date;
}

@ObjectType('StoredFile', { description: 'A file in the file store (a photo, a PDF).' })
export class StoredFileModel {
  @Field(() => ID)
  id!: string;

  @Field(() => FileKind)
  kind!: FileKind;

  @Field()
  mimeType!: string;

  @Field(() => Int, { description: 'Bytes.' })
  size!: number;

  @Field({ description: 'Hex SHA-256 of the content.' })
  sha256!: string;

  @Field()
  fileName!: string;

  @Field()
  createdAt!: Date;

  @Field({ description: 'Relative to the API origin: GET it with the bearer token.' })
  url!: string;
}

/** The GraphQL (and upload answer) view of a stored file. */
export function storedFileView(file: StoredFile): StoredFileModel {
  return {
    id: file.id,
    kind: file.kind,
    mimeType: file.mimeType,
    size: file.size,
    sha256: file.sha256,
    fileName: file.fileName,
    createdAt: file.createdAt,
    url: `${FILES_PATH}/${file.id}`,
  };
}
