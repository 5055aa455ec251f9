import { Injectable, OnApplicationBootstrap, SetMetadata } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { AuthUser } from '../auth/auth-user';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { FileKind } from './file-kind';

export const FILE_OWNER_KIND = 'sasiad:fileOwnerKind';

/**
 * What a context says about the files of one kind of owner (a grant report, a forum meeting...).
 * `ownerId` is the context's own id; the file store never reads the context's collections.
 */
export interface FileOwner {
  /** The kinds of file accepted (checked by content). */
  readonly accept: FileKind[];
  /** The largest upload accepted, in bytes (before images are re-encoded). */
  readonly maxBytes: number;
  /** May this signed-in person add a file to this owner? */
  canWrite(user: AuthUser, ownerId: string): Promise<boolean>;
  /** May this person (null: anonymous) read the owner's files? */
  canRead(user: AuthUser | null, ownerId: string): Promise<boolean>;
}

/** `[a-z]` words joined by `.` or `-`, e.g. `grants.report`, `ngo-centre.publication`. */
export const OWNER_KIND_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/**
 * Declares an owner kind on a provider of the context that owns it, e.g.
 * `@FileOwnerKind('grants.report') @Injectable() class ReportFiles implements FileOwner {…}`.
 * The provider must be listed in its module's providers; FileOwnerKinds finds it at start-up.
 */
export const FileOwnerKind = (name: string) => {
  if (!OWNER_KIND_PATTERN.test(name) || name.length > 60)
    throw new Error(`file owner kind "${name}" must look like context.thing`);
  return SetMetadata(FILE_OWNER_KIND, name);
};

/** The owner kinds declared with @FileOwnerKind, found like @ScheduledJob handlers are. */
@Injectable()
export class FileOwnerKinds implements OnApplicationBootstrap {
  private readonly kinds = new Map<string, FileOwner>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as FileOwner | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      if (seen.has(instance)) continue;
      seen.add(instance);
      const name = this.reflector.get<string | undefined>(
        FILE_OWNER_KIND,
        instance.constructor as new () => unknown,
      );
      if (!name) continue;
      if (this.kinds.has(name)) throw new Error(`two file owner kinds are named ${name}`);
      if (!Array.isArray(instance.accept) || !(instance.maxBytes > 0))
        throw new Error(`file owner kind ${name} needs accept and maxBytes`);
      this.kinds.set(name, instance);
    }
  }

  /** The owner kind, or FILE_OWNER_KIND_UNKNOWN. */
  get(name: string): FileOwner {
    const kind = this.kinds.get(name);
    if (!kind) throw new DomainException(ErrorCode.FILE_OWNER_KIND_UNKNOWN);
    return kind;
  }

  /** The owner kind, or undefined (e.g. for a stored file whose kind no context declares now). */
  find(name: string): FileOwner | undefined {
    return this.kinds.get(name);
  }

  names(): string[] {
    return [...this.kinds.keys()].sort();
  }
}
