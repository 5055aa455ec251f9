import { Injectable, OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectConnection } from '@nestjs/mongoose';
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import mongoose, { Connection } from 'mongoose';
import { AuthUser } from '../auth/auth-user';
import { FieldEncryption } from '../crypto/field-encryption.service';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { ScheduledJob } from '../jobs/scheduled-job.decorator';
import { Clock } from '../time/clock';
import { DetectedType, detectFileType, FileKind, formatsOf } from './file-kind';
import { FileOwner, FileOwnerKinds } from './file-owner-kind';
import { sanitizeImage } from './image-sanitizer';

/** A stored file as the store describes it (no content). */
export interface StoredFile {
  id: string;
  ownerKind: string;
  ownerId: string;
  kind: FileKind;
  mimeType: DetectedType['mimeType'];
  /** Bytes stored (after an image was re-encoded). */
  size: number;
  /** Hex SHA-256 of the bytes stored. */
  sha256: string;
  /** The name the uploader gave it (personal-ish: encrypted at rest, never logged). */
  fileName: string;
  uploadedBy: string | null;
  createdAt: Date;
}

export interface UploadTicket {
  /** Relative to the API's origin: `POST` the raw bytes there (application/octet-stream). */
  uploadUrl: string;
  expiresAt: Date;
}

interface FileMetadata {
  ownerKind: string;
  ownerId: string;
  kind: FileKind;
  mimeType: DetectedType['mimeType'];
  sha256: string;
  fileNameEnc: string;
  uploadedBy: string | null;
  createdAt: Date;
}

interface GridFile {
  _id: mongoose.Types.ObjectId;
  length: number;
  metadata: FileMetadata;
}

interface TicketDoc {
  /** SHA-256 of the ticket: the ticket itself is never stored. */
  _id: string;
  ownerKind: string;
  ownerId: string;
  fileNameEnc: string;
  uploadedBy: string;
  expiresAt: Date;
}

export const UPLOAD_PATH = '/files/upload';
export const FILES_PATH = '/files';
const TICKET_TTL_MS = 10 * 60_000;
const BUCKET = 'files';
const TICKETS = 'file_upload_tickets';
const FILE_NAME = 'files.fileName';
const TICKET_FILE_NAME = 'file_upload_tickets.fileName';
const TICKET = /^[A-Za-z0-9_-]{43}$/;

const hash = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A file name without folders or control characters, as the user sees it. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const visible = base.replace(/[\u0000-\u001f\u007f]/g, '');
  return visible.trim().slice(0, 200) || 'file';
}

/** Megabytes for messages, e.g. 5 242 880 → 5, 1 572 864 → 1.5 (formatted per language). */
export const megabytes = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;

/**
 * The one file store (GridFS, bucket `files`: `files.files` + `files.chunks` of 255 KB, on
 * MongoDB and on the embedded FerretDB alike). Every file belongs to an owner (`ownerKind` +
 * `ownerId`) declared by a context with @FileOwnerKind, which decides who may add and read.
 * Contexts never touch these collections: they call this service.
 */
@Injectable()
export class FileStore implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly kinds: FileOwnerKinds,
    private readonly crypto: FieldEncryption,
    private readonly clock: Clock,
  ) {}

  private get bucket() {
    return new mongoose.mongo.GridFSBucket(this.connection.db!, { bucketName: BUCKET });
  }
  private get files() {
    return this.connection.collection<GridFile>(`${BUCKET}.files`);
  }
  private get chunks() {
    return this.connection.collection<{ files_id: mongoose.Types.ObjectId }>(`${BUCKET}.chunks`);
  }
  private get tickets() {
    return this.connection.collection<TicketDoc>(TICKETS);
  }

  async onModuleInit(): Promise<void> {
    await this.files.createIndex({ 'metadata.ownerKind': 1, 'metadata.ownerId': 1 });
    await this.chunks.createIndex({ files_id: 1, n: 1 }, { unique: true });
    await this.tickets.createIndex({ expiresAt: 1 });
  }

  /**
   * Step 1 of an upload: checks that the person may add a file to the owner and gives a
   * single-use address, valid for 10 minutes, bound to that owner and person. The address
   * carries a random 256-bit ticket; only its hash is stored.
   */
  async requestUpload(
    user: AuthUser,
    input: { ownerKind: string; ownerId: string; fileName: string },
  ): Promise<UploadTicket> {
    const owner = this.kinds.get(input.ownerKind);
    if (!(await owner.canWrite(user, input.ownerId)))
      throw new DomainException(ErrorCode.FORBIDDEN);
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.nowMs() + TICKET_TTL_MS);
    await this.tickets.insertOne({
      _id: hash(ticket),
      ownerKind: input.ownerKind,
      ownerId: input.ownerId,
      fileNameEnc: this.crypto.encrypt(cleanFileName(input.fileName), TICKET_FILE_NAME),
      uploadedBy: user.id,
      expiresAt,
    });
    return { uploadUrl: `${UPLOAD_PATH}?ticket=${ticket}`, expiresAt };
  }

  /**
   * The owner kind of a ticket that is still valid (before the body is read, so that its size
   * limit applies from the first byte), or UPLOAD_TICKET_INVALID.
   */
  async ownerOfTicket(ticket: string): Promise<FileOwner> {
    const doc = TICKET.test(ticket)
      ? await this.tickets.findOne({ _id: hash(ticket), expiresAt: { $gt: this.clock.now() } })
      : null;
    if (!doc) throw new DomainException(ErrorCode.UPLOAD_TICKET_INVALID);
    return this.kinds.get(doc.ownerKind);
  }

  /**
   * Step 2: the bytes sent to the ticket's address. Checked first (size, type by content,
   * images re-encoded), then the ticket is claimed (deleted by one conditional write: of two
   * uploads with one ticket, exactly one gets it), then the file is stored. A refused file
   * leaves the ticket usable until it expires; a failed write removes its chunks.
   */
  async completeUpload(ticket: string, bytes: Buffer): Promise<StoredFile> {
    const owner = await this.ownerOfTicket(ticket);
    const prepared = await this.prepare(owner, bytes);
    const claimed = await this.tickets.findOneAndDelete({
      _id: hash(ticket),
      expiresAt: { $gt: this.clock.now() },
    });
    if (!claimed) throw new DomainException(ErrorCode.UPLOAD_TICKET_INVALID);
    return this.write(prepared, {
      ownerKind: claimed.ownerKind,
      ownerId: claimed.ownerId,
      fileName: this.crypto.decrypt(claimed.fileNameEnc, TICKET_FILE_NAME),
      uploadedBy: claimed.uploadedBy,
    });
  }

  /**
   * Stores a file made by the server itself (e.g. a generated agreement PDF), with the same
   * checks as an upload except canWrite: the calling context has decided.
   */
  async put(
    owner: { ownerKind: string; ownerId: string },
    bytes: Buffer,
    options: { fileName: string; uploadedBy?: string | null },
  ): Promise<StoredFile> {
    const prepared = await this.prepare(this.kinds.get(owner.ownerKind), bytes);
    return this.write(prepared, {
      ...owner,
      fileName: cleanFileName(options.fileName),
      uploadedBy: options.uploadedBy ?? null,
    });
  }

  /** The files of an owner, oldest first. */
  async listFor(ownerKind: string, ownerId: string): Promise<StoredFile[]> {
    const docs = await this.files
      .find({ 'metadata.ownerKind': ownerKind, 'metadata.ownerId': ownerId })
      .sort({ 'metadata.createdAt': 1, _id: 1 })
      .toArray();
    return docs.map((d) => this.toStoredFile(d));
  }

  /** A file's description, or null when there is none with that id. */
  async info(id: string): Promise<StoredFile | null> {
    const _id = objectId(id);
    const doc = _id ? await this.files.findOne({ _id }) : null;
    return doc ? this.toStoredFile(doc) : null;
  }

  /** A file's content in memory, or null. For streaming to a client, see `stream`. */
  async read(id: string): Promise<Buffer | null> {
    const stream = await this.stream(id);
    if (!stream) return null;
    const parts: Buffer[] = [];
    for await (const part of stream) parts.push(part as Buffer);
    return Buffer.concat(parts);
  }

  /** A file's content as a stream, or null. */
  async stream(id: string): Promise<Readable | null> {
    const info = await this.info(id);
    return info ? this.bucket.openDownloadStream(new mongoose.Types.ObjectId(info.id)) : null;
  }

  /** The file if this person (null: anonymous) may read it by its owner's rule, else null. */
  async readableBy(user: AuthUser | null, id: string): Promise<StoredFile | null> {
    const info = await this.info(id);
    // a kind no context declares any more: nobody may read its files
    const owner = info ? this.kinds.find(info.ownerKind) : undefined;
    return info && owner && (await owner.canRead(user, info.ownerId)) ? info : null;
  }

  /**
   * The files of an owner for a person who may read it (null: anonymous), else NOT_FOUND
   * (the same answer as for an owner without files someone may not see).
   */
  async listReadableBy(user: AuthUser | null, ownerKind: string, ownerId: string) {
    if (!(await this.kinds.get(ownerKind).canRead(user, ownerId)))
      throw new DomainException(ErrorCode.NOT_FOUND);
    return this.listFor(ownerKind, ownerId);
  }

  /** Removes a file for a person who may add files to its owner (canWrite), else NOT_FOUND. */
  async removeAs(user: AuthUser, id: string): Promise<StoredFile> {
    const info = await this.info(id);
    const owner = info ? this.kinds.find(info.ownerKind) : undefined;
    if (!info || !owner || !(await owner.canWrite(user, info.ownerId)))
      throw new DomainException(ErrorCode.NOT_FOUND);
    if (!(await this.remove(id))) throw new DomainException(ErrorCode.NOT_FOUND);
    return info;
  }

  /** Deletes one file (description and chunks). False when there was none. */
  async remove(id: string): Promise<boolean> {
    const _id = objectId(id);
    if (!_id) return false;
    // The description first: from then on the file is not listed nor readable; then its chunks.
    const { deletedCount } = await this.files.deleteOne({ _id });
    await this.chunks.deleteMany({ files_id: _id });
    return deletedCount > 0;
  }

  /** Deletes every file of an owner, e.g. when the context erases the owner. Returns how many. */
  async removeFor(ownerKind: string, ownerId: string): Promise<number> {
    const docs = await this.files
      .find({ 'metadata.ownerKind': ownerKind, 'metadata.ownerId': ownerId })
      .project<{ _id: mongoose.Types.ObjectId }>({ _id: 1 })
      .toArray();
    let removed = 0;
    for (const doc of docs) if (await this.remove(doc._id.toHexString())) removed++;
    return removed;
  }

  /** Tickets never used leave nothing behind: they expire and this job deletes them. */
  @ScheduledJob({ name: 'core.purgeExpiredUploadTickets', every: 3_600_000 })
  async purgeExpiredTickets(): Promise<number> {
    const { deletedCount } = await this.tickets.deleteMany({
      expiresAt: { $lte: this.clock.now() },
    });
    return deletedCount;
  }

  /**
   * An erased account (identity's USER_ERASED, named here because core cannot import identity):
   * its unused tickets go and the files it uploaded no longer name it. The files themselves
   * belong to their owners, whose contexts remove them (`removeFor`) when they erase the owner.
   */
  @OnEvent('identity.userErased', { suppressErrors: false })
  async onUserErased({ userId }: { userId: string }): Promise<void> {
    await this.tickets.deleteMany({ uploadedBy: userId });
    await this.files.updateMany(
      { 'metadata.uploadedBy': userId },
      { $set: { 'metadata.uploadedBy': null } },
    );
  }

  private async prepare(owner: FileOwner, bytes: Buffer) {
    if (bytes.length > owner.maxBytes)
      throw new DomainException(ErrorCode.FILE_TOO_LARGE, {
        maxMegabytes: megabytes(owner.maxBytes),
      });
    const notAllowed = () =>
      new DomainException(ErrorCode.FILE_TYPE_NOT_ALLOWED, { allowed: formatsOf(owner.accept) });
    const type = detectFileType(bytes);
    if (!type || !owner.accept.includes(type.kind)) throw notAllowed();
    const content = type.kind === FileKind.IMAGE ? await sanitizeImage(bytes, type) : bytes;
    if (!content) throw notAllowed();
    return { type, content };
  }

  private async write(
    prepared: { type: DetectedType; content: Buffer },
    about: { ownerKind: string; ownerId: string; fileName: string; uploadedBy: string | null },
  ): Promise<StoredFile> {
    const id = new mongoose.Types.ObjectId();
    const metadata: FileMetadata = {
      ownerKind: about.ownerKind,
      ownerId: about.ownerId,
      kind: prepared.type.kind,
      mimeType: prepared.type.mimeType,
      sha256: hash(prepared.content),
      fileNameEnc: this.crypto.encrypt(about.fileName, FILE_NAME),
      uploadedBy: about.uploadedBy,
      createdAt: this.clock.now(),
    };
    // GridFS writes the chunks first and the description last, so a file is never listed
    // before its content is complete; if writing fails, the chunks written so far are deleted.
    const upload = this.bucket.openUploadStreamWithId(id, id.toHexString(), { metadata });
    try {
      await new Promise<void>((resolve, reject) => {
        upload.once('finish', () => resolve());
        upload.once('error', reject);
        upload.end(prepared.content);
      });
    } catch (error) {
      await this.remove(id.toHexString()).catch(() => undefined);
      throw error;
    }
    return this.toStoredFile({ _id: id, length: prepared.content.length, metadata });
  }

  private toStoredFile(doc: GridFile): StoredFile {
    const m = doc.metadata;
    return {
      id: doc._id.toHexString(),
      ownerKind: m.ownerKind,
      ownerId: m.ownerId,
      kind: m.kind,
      mimeType: m.mimeType,
      size: doc.length,
      sha256: m.sha256,
      fileName: this.crypto.decrypt(m.fileNameEnc, FILE_NAME),
      uploadedBy: m.uploadedBy,
      createdAt: m.createdAt,
    };
  }
}

function objectId(id: string): mongoose.Types.ObjectId | null {
  return /^[0-9a-f]{24}$/i.test(id) ? new mongoose.Types.ObjectId(id) : null;
}
