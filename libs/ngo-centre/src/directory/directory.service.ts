import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  Language,
  LANGUAGES,
  languageTokens,
  mergeTranslations,
  objectId,
  pageById,
  queryWords,
  resolveLocalized,
  Role,
} from '@sasiad/core';
import { OrganisationKind, OrganisationsService } from '@sasiad/zones';
import { LegalForm, VerificationState } from '../common/legal-form';
import {
  NgoDirectoryArgs,
  NgoProfilesForStaffArgs,
  RegisterOrganisationInput,
  UpdateNgoProfileInput,
} from './dto/directory.inputs';
import { MembersService } from './members.service';
import { NgoProfileConnection, NgoProfileModel } from './models/profile.model';
import { NgoProfile } from './profile.schema';
import { lacinkaWords } from './lacinka';
import { invalidRegistryNumber, normalizeRegistryNumber } from './registry-numbers';

type LeanProfile = NgoProfile & { _id: Types.ObjectId };

/** Legal forms entered in the National Court Register: they must give their KRS number. */
const NEEDS_KRS = new Set([LegalForm.ASSOCIATION, LegalForm.FOUNDATION]);

const isStaff = (user?: AuthUser | null) =>
  !!user && (user.roles.includes(Role.staff) || user.roles.includes(Role.admin));

/** The directory: self-registration, verification by centre staff, public profiles, search. */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectModel(NgoProfile.name) private readonly profiles: Model<NgoProfile>,
    private readonly organisations: OrganisationsService,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  /**
   * Everything is checked before anything is written. Write order: (1) the organisation in zones
   * (through its service), (2) the profile here (PENDING), (3) the registrant as its admin. If
   * (2) or (3) failed, (1) stays as an organisation of zones without a profile: it is in no list
   * of the directory and harms nothing; registering again makes a new one.
   */
  async register(user: AuthUser, input: RegisterOrganisationInput): Promise<NgoProfileModel> {
    const numbers = {
      krs: input.krs ? normalizeRegistryNumber(input.krs) : undefined,
      nip: input.nip ? normalizeRegistryNumber(input.nip) : undefined,
      regon: input.regon ? normalizeRegistryNumber(input.regon) : undefined,
    };
    const invalid = invalidRegistryNumber(numbers);
    if (invalid)
      throw new DomainException(ErrorCode.INVALID_REGISTRY_NUMBER, { number: invalid }, [
        { field: invalid.toLowerCase(), constraint: 'checkDigit' },
      ]);
    if (NEEDS_KRS.has(input.legalForm) && !numbers.krs)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'krs', constraint: 'required' },
      ]);
    const base = input.baseLanguage ?? 'pl';
    const now = this.clock.now();
    const description = input.description?.length
      ? mergeTranslations(
          undefined,
          input.description,
          base,
          now,
          'description',
          ErrorCode.BAD_USER_INPUT,
        )
      : undefined;
    const organisation = await this.organisations.create({
      name: input.name,
      kind:
        input.legalForm === LegalForm.INITIATIVE_GROUP
          ? OrganisationKind.informal_group
          : OrganisationKind.ngo,
      address: input.address,
      contact: input.contact,
    });
    const doc: Omit<NgoProfile, 'createdAt' | 'updatedAt'> = {
      organisationId: new Types.ObjectId(organisation.id),
      name: input.name,
      legalForm: input.legalForm,
      ...numbers,
      fieldsOfActivity: input.fieldsOfActivity ?? [],
      districts: input.districts ?? [],
      languages: input.languages ?? [],
      baseLanguage: base,
      description,
      verification: VerificationState.PENDING,
      registeredBy: new Types.ObjectId(user.id),
      searchTokens: [],
    };
    doc.searchTokens = this.tokens(doc);
    const created = await this.profiles.create(doc);
    await this.members.addAdmin(created.organisationId, user.id);
    return this.view(created.toObject(), base);
  }

  /**
   * The organisation's admin edits its profile (and, through zones' service, its name, address,
   * contact and hours). New registry numbers are checked, and a verified profile whose numbers
   * change goes back to PENDING for staff to verify again. Write order: zones first (it holds
   * what the profile copies for search), then the profile, conditional on its `updatedAt` as
   * read, so two concurrent edits cannot mix (the loser gets CONCURRENT_CHANGE).
   */
  async update(user: AuthUser, input: UpdateNgoProfileInput, lang: Language) {
    const found = await this.find(input.organisationId);
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    await this.members.assertAdminOf(user, input.organisationId);
    const numbers = {
      krs:
        input.krs === undefined
          ? found.krs
          : input.krs
            ? normalizeRegistryNumber(input.krs)
            : undefined,
      nip:
        input.nip === undefined
          ? found.nip
          : input.nip
            ? normalizeRegistryNumber(input.nip)
            : undefined,
      regon:
        input.regon === undefined
          ? found.regon
          : input.regon
            ? normalizeRegistryNumber(input.regon)
            : undefined,
    };
    const invalid = invalidRegistryNumber(numbers);
    if (invalid)
      throw new DomainException(ErrorCode.INVALID_REGISTRY_NUMBER, { number: invalid }, [
        { field: invalid.toLowerCase(), constraint: 'checkDigit' },
      ]);
    if (NEEDS_KRS.has(found.legalForm) && !numbers.krs)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'krs', constraint: 'required' },
      ]);
    const description = input.description?.length
      ? mergeTranslations(
          found.description,
          input.description,
          found.baseLanguage,
          this.clock.now(),
          'description',
          ErrorCode.BAD_USER_INPUT,
        )
      : found.description;
    const organisation = await this.organisations.get(input.organisationId);
    if (input.name || input.address || input.contact || input.openingHours)
      await this.organisations.update(input.organisationId, {
        name: input.name ?? organisation.name,
        kind: organisation.kind,
        address: input.address ?? organisation.address,
        contact: input.contact ?? {
          email: organisation.contact.email ?? undefined,
          phone: organisation.contact.phone ?? undefined,
          website: organisation.contact.website ?? undefined,
        },
        openingHours: input.openingHours ?? {
          weekly: organisation.openingHours.weekly.filter((w) => w.intervals.length > 0),
          exceptions: organisation.openingHours.exceptions.map((e) => ({
            ...e,
            note: e.note ?? undefined,
          })),
        },
      });
    const numbersChanged =
      numbers.krs !== found.krs || numbers.nip !== found.nip || numbers.regon !== found.regon;
    const next = {
      name: input.name ?? found.name,
      baseLanguage: found.baseLanguage,
      description,
      fieldsOfActivity: input.fieldsOfActivity ?? found.fieldsOfActivity,
      districts: input.districts ?? found.districts,
    };
    const set: Record<string, unknown> = {
      ...next,
      languages: input.languages ?? found.languages,
      searchTokens: this.tokens(next),
      ...(numbersChanged && found.verification === VerificationState.VERIFIED
        ? { verification: VerificationState.PENDING }
        : {}),
    };
    const unset: Record<string, 1> = {};
    for (const key of ['krs', 'nip', 'regon'] as const)
      if (numbers[key]) set[key] = numbers[key];
      else unset[key] = 1;
    const updated = await this.profiles
      .findOneAndUpdate(
        { _id: found._id, updatedAt: found.updatedAt },
        { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
        { returnDocument: 'after' },
      )
      .lean<LeanProfile>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
    return this.view(updated, lang);
  }

  /** PENDING → VERIFIED, once; a refused organisation may be verified after it explained itself. */
  verify(staff: AuthUser, organisationId: string, lang: Language): Promise<NgoProfileModel> {
    return this.decide(organisationId, lang, {
      $set: {
        verification: VerificationState.VERIFIED,
        verifiedBy: new Types.ObjectId(staff.id),
        verifiedAt: this.clock.now(),
      },
      $unset: { refusalReason: 1 },
    });
  }

  refuse(organisationId: string, reason: string, lang: Language): Promise<NgoProfileModel> {
    return this.decide(organisationId, lang, {
      $set: { verification: VerificationState.REFUSED, refusalReason: reason },
    });
  }

  private async decide(
    organisationId: string,
    lang: Language,
    update: Record<string, unknown>,
  ): Promise<NgoProfileModel> {
    const id = objectId(organisationId);
    const updated = await this.profiles
      .findOneAndUpdate(
        {
          organisationId: id,
          verification: trusted({ $in: [VerificationState.PENDING, VerificationState.REFUSED] }),
        },
        update,
        { returnDocument: 'after' },
      )
      .lean<LeanProfile>()
      .exec();
    if (updated) return this.view(updated, lang);
    const exists = await this.profiles.countDocuments({ organisationId: id }).exec();
    throw new DomainException(exists ? ErrorCode.ILLEGAL_TRANSITION : ErrorCode.NOT_FOUND);
  }

  /** Verified profiles are public; others only for centre staff and the organisation's people. */
  async profile(
    organisationId: string,
    user: AuthUser | null | undefined,
    lang: Language,
  ): Promise<NgoProfileModel> {
    const found = await this.find(organisationId);
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    const visible =
      found.verification === VerificationState.VERIFIED ||
      isStaff(user) ||
      (!!user && (await this.members.actsFor(user, organisationId)));
    if (!visible) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.view(found, lang);
  }

  async isVerified(organisationId: string): Promise<boolean> {
    const found = await this.find(organisationId);
    return found?.verification === VerificationState.VERIFIED;
  }

  /** NOT_FOUND unless the organisation registered with the centre. */
  async assertRegistered(organisationId: string): Promise<void> {
    if (!(await this.find(organisationId))) throw new DomainException(ErrorCode.NOT_FOUND);
  }

  /** NOT_VERIFIED unless the centre verified the organisation. */
  async assertVerified(organisationId: string): Promise<void> {
    const found = await this.find(organisationId);
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    if (found.verification !== VerificationState.VERIFIED)
      throw new DomainException(ErrorCode.NOT_VERIFIED);
  }

  /** The public directory: verified organisations, filtered, searched in the reader's language. */
  async directory(args: NgoDirectoryArgs, lang: Language): Promise<NgoProfileConnection> {
    const filter: QueryFilter<NgoProfile> = { verification: VerificationState.VERIFIED };
    if (args.legalForm) filter.legalForm = args.legalForm;
    if (args.speaks) filter.languages = args.speaks;
    const words = args.search ? queryWords(args.search, lang) : [];
    if (words.length > 0)
      // words are [\p{L}\p{N}]+ after normalisation: nothing to escape in the pattern
      filter.$and = words.map((word) => ({
        searchTokens: trusted({ $regex: `^${lang}:${word}` }),
      }));
    return this.page(filter, args, lang);
  }

  staffList(args: NgoProfilesForStaffArgs, lang: Language): Promise<NgoProfileConnection> {
    const filter: QueryFilter<NgoProfile> = args.verification
      ? { verification: args.verification }
      : {};
    return this.page(filter, args, lang);
  }

  private async page(
    filter: QueryFilter<NgoProfile>,
    args: { first: number; after?: string },
    lang: Language,
  ): Promise<Connection<NgoProfileModel>> {
    const page = await pageById(this.profiles, filter, args, {
      order: 'oldest',
      toNode: (p: LeanProfile) => p,
      projection: { searchTokens: 0 },
    });
    const organisations = await this.organisations.findMany(
      page.nodes.map((p) => p.organisationId.toHexString()),
    );
    const byId = new Map(organisations.map((o) => [o.id, o]));
    return {
      ...page,
      nodes: page.nodes
        .filter((p) => byId.has(p.organisationId.toHexString()))
        .map((p) => this.toModel(p, lang, byId.get(p.organisationId.toHexString())!)),
    };
  }

  /** USER_ERASED: profiles stay (they are the organisations'), without links to the person. */
  async forgetUser(userId: string): Promise<void> {
    const id = new Types.ObjectId(userId);
    await this.profiles.updateMany({ registeredBy: id }, { $unset: { registeredBy: 1 } }).exec();
    await this.profiles.updateMany({ verifiedBy: id }, { $unset: { verifiedBy: 1 } }).exec();
  }

  private find(organisationId: string): Promise<LeanProfile | null> {
    return this.profiles
      .findOne({ organisationId: objectId(organisationId) }, { searchTokens: 0 })
      .lean<LeanProfile>()
      .exec();
  }

  /**
   * Tokens of what a reader of each language sees: the name, the description, the tags (core's
   * spellings, plus Łacinka for Cyrillic texts).
   */
  private tokens(
    p: Pick<NgoProfile, 'name' | 'baseLanguage' | 'description' | 'fieldsOfActivity' | 'districts'>,
  ) {
    return LANGUAGES.flatMap((reader) => {
      const texts = [p.name, ...p.fieldsOfActivity, ...p.districts].map((text) => ({
        text,
        language: p.baseLanguage,
      }));
      if (p.description) {
        const d = resolveLocalized(p.description, reader, { base: p.baseLanguage, fallbacks: [] });
        if (d.text) texts.push({ text: d.text, language: d.language });
      }
      const lacinka = texts.flatMap((t) => lacinkaWords(t.text)).map((w) => `${reader}:${w}`);
      return [...new Set([...languageTokens(reader, texts), ...lacinka])];
    });
  }

  private async view(p: LeanProfile, lang: Language): Promise<NgoProfileModel> {
    const organisation = await this.organisations.get(p.organisationId.toHexString());
    return this.toModel(p, lang, organisation);
  }

  private toModel(
    p: LeanProfile,
    lang: Language,
    organisation: NgoProfileModel['organisation'],
  ): NgoProfileModel {
    return {
      organisationId: p.organisationId.toHexString(),
      organisation,
      legalForm: p.legalForm,
      krs: p.krs ?? null,
      nip: p.nip ?? null,
      regon: p.regon ?? null,
      fieldsOfActivity: p.fieldsOfActivity ?? [],
      districts: p.districts ?? [],
      languages: p.languages ?? [],
      description: p.description
        ? resolveLocalized(p.description, lang, { base: p.baseLanguage, fallbacks: [] })
        : null,
      verification: p.verification,
      refusalReason: p.refusalReason ?? null,
      registeredAt: p.createdAt,
    };
  }
}
