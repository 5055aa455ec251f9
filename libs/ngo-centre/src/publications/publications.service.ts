import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  FileStore,
  Language,
  LANGUAGES,
  languageTokens,
  mergeTranslations,
  objectId,
  pageById,
  queryWords,
  resolveLocalized,
  storedFileView,
} from '@sasiad/core';
import {
  AddPublicationVersionInput,
  CreatePublicationInput,
  PublicationsArgs,
} from './dto/publication.inputs';
import { PublicationModel, PublicationVersionModel } from './models/publication.model';
import { NgoPublication } from './publication.schema';

type LeanPublication = NgoPublication & { _id: Types.ObjectId };

export const PUBLICATION_FILES = 'ngo-centre.publication';

/** The centre's library: publications with versions, titles and summaries in four languages. */
@Injectable()
export class PublicationsService {
  constructor(
    @InjectModel(NgoPublication.name) private readonly publications: Model<NgoPublication>,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  async create(staff: AuthUser, input: CreatePublicationInput, lang: Language) {
    const base = input.baseLanguage ?? 'pl';
    const now = this.clock.now();
    const title = mergeTranslations(
      undefined,
      input.title,
      base,
      now,
      'title',
      ErrorCode.BAD_USER_INPUT,
    );
    const summary = input.summary?.length
      ? mergeTranslations(undefined, input.summary, base, now, 'summary', ErrorCode.BAD_USER_INPUT)
      : undefined;
    const doc = {
      kind: input.kind,
      baseLanguage: base,
      title,
      summary,
      topics: input.topics ?? [],
    };
    const created = await this.publications.create({
      ...doc,
      searchTokens: this.tokens(doc),
      createdBy: new Types.ObjectId(staff.id),
    });
    return this.view(created.toObject(), lang);
  }

  /**
   * A file uploaded for the publication becomes its next version; earlier ones stay readable
   * and read as superseded. The version number comes from the count as read, and the write is
   * conditional on that count (and on the file not being a version yet), so two additions at
   * once cannot take one number (the loser gets CONCURRENT_CHANGE).
   */
  async addVersion(input: AddPublicationVersionInput, lang: Language) {
    const publication = await this.find(input.publicationId);
    const file = await this.files.info(input.fileId);
    if (!file || file.ownerKind !== PUBLICATION_FILES || file.ownerId !== input.publicationId)
      throw new DomainException(ErrorCode.NOT_FOUND);
    if (input.validFrom && input.validUntil && input.validUntil <= input.validFrom)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'validUntil', constraint: 'afterValidFrom' },
      ]);
    if (publication.versions.some((v) => v.fileId === input.fileId))
      throw new DomainException(ErrorCode.ILLEGAL_TRANSITION);
    const number = publication.versionCount + 1;
    const updated = await this.publications
      .findOneAndUpdate(
        { _id: publication._id, versionCount: publication.versionCount },
        {
          $set: { versionCount: number },
          $push: {
            versions: {
              number,
              fileId: input.fileId,
              validFrom: input.validFrom,
              validUntil: input.validUntil,
              addedAt: this.clock.now(),
            },
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanPublication>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
    return this.view(updated, lang);
  }

  async exists(id: string): Promise<boolean> {
    if (!Types.ObjectId.isValid(id)) return false;
    return (await this.publications.countDocuments({ _id: new Types.ObjectId(id) }).exec()) > 0;
  }

  async get(id: string, lang: Language) {
    return this.view(await this.find(id), lang);
  }

  async list(args: PublicationsArgs, lang: Language): Promise<Connection<PublicationModel>> {
    const filter: QueryFilter<NgoPublication> = {};
    if (args.kind) filter.kind = args.kind;
    if (args.topic) filter.topics = args.topic;
    const words = args.search ? queryWords(args.search, lang) : [];
    if (words.length > 0)
      // words are [\p{L}\p{N}]+ after normalisation: nothing to escape in the pattern
      filter.$and = words.map((w) => ({ searchTokens: trusted({ $regex: `^${lang}:${w}` }) }));
    const page = await pageById(this.publications, filter, args, {
      order: 'newest',
      toNode: (p: LeanPublication) => p,
      projection: { searchTokens: 0 },
    });
    return { ...page, nodes: await Promise.all(page.nodes.map((p) => this.view(p, lang))) };
  }

  /** USER_ERASED: publications stay, without the link to the staff member. */
  async forgetUser(userId: string): Promise<void> {
    await this.publications
      .updateMany({ createdBy: new Types.ObjectId(userId) }, { $unset: { createdBy: 1 } })
      .exec();
  }

  private async find(id: string): Promise<LeanPublication> {
    const found = await this.publications
      .findById(objectId(id), { searchTokens: 0 })
      .lean<LeanPublication>()
      .exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  private tokens(p: Pick<NgoPublication, 'baseLanguage' | 'title' | 'summary' | 'topics'>) {
    const policy = { base: p.baseLanguage, fallbacks: [] };
    return LANGUAGES.flatMap((reader) => {
      const texts = [resolveLocalized(p.title, reader, policy)];
      if (p.summary) texts.push(resolveLocalized(p.summary, reader, policy));
      return languageTokens(reader, [
        ...texts.map((t) => ({ text: t.text, language: t.language })),
        ...p.topics.map((text) => ({ text, language: p.baseLanguage })),
      ]);
    });
  }

  private async view(p: LeanPublication, lang: Language): Promise<PublicationModel> {
    const policy = { base: p.baseLanguage, fallbacks: [] };
    const last = p.versions.length;
    const versions: PublicationVersionModel[] = await Promise.all(
      [...p.versions].reverse().map(async (v) => {
        const file = await this.files.info(v.fileId);
        return {
          number: v.number,
          file: file ? storedFileView(file) : null,
          superseded: v.number < last,
          validFrom: v.validFrom ?? null,
          validUntil: v.validUntil ?? null,
          addedAt: v.addedAt,
        };
      }),
    );
    return {
      id: p._id.toHexString(),
      kind: p.kind,
      title: resolveLocalized(p.title, lang, policy),
      summary: p.summary ? resolveLocalized(p.summary, lang, policy) : null,
      topics: p.topics,
      current: versions[0] ?? null,
      versions,
    };
  }
}
