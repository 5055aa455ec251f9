import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Connection,
  DomainException,
  ErrorCode,
  normalizeOpeningHours,
  objectId,
  openingHoursProblems,
  openingHoursView,
  pageById,
  Role,
} from '@sasiad/core';
import { OrganisationDirectoryPort, OrganisationLookup } from '@sasiad/identity';
import { OrganisationInput, OrganisationsArgs } from './dto/organisation.inputs';
import { OrganisationModel } from './models/organisation.model';
import { legacyOpeningHours } from './opening-hours';
import { Organisation } from './organisation.schema';
import { zonesModel } from '../common/model-name';

type LeanOrganisation = Organisation & { _id: Types.ObjectId };

/** Partner organisations; the only code that touches `organisations`. */
@Injectable()
export class OrganisationsService implements OrganisationLookup, OnModuleInit {
  constructor(
    @InjectModel(zonesModel(Organisation)) private readonly organisations: Model<Organisation>,
    private readonly identityPort: OrganisationDirectoryPort,
  ) {}

  /** Identity asks here whether an organisation exists (attaching a coordinator). */
  onModuleInit(): void {
    this.identityPort.use(this);
  }

  async exists(id: string): Promise<boolean> {
    if (!Types.ObjectId.isValid(id)) return false;
    return (await this.organisations.countDocuments({ _id: new Types.ObjectId(id) }).exec()) > 0;
  }

  private toDocument(input: OrganisationInput): Omit<Organisation, 'createdAt' | 'updatedAt'> {
    const openingHours = input.openingHours ?? { weekly: [], exceptions: [] };
    const problems = openingHoursProblems(openingHours, 'openingHours.');
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    return {
      name: input.name,
      kind: input.kind,
      address: { ...input.address },
      contact: { ...(input.contact ?? {}) },
      openingHours: normalizeOpeningHours(openingHours),
    };
  }

  async create(input: OrganisationInput): Promise<OrganisationModel> {
    const created = await this.organisations.create(this.toDocument(input));
    return this.toModel(created.toObject());
  }

  /** Admins change any organisation; a coordinator only the one they act for. */
  async update(id: string, input: OrganisationInput, by?: AuthUser): Promise<OrganisationModel> {
    if (by && !by.roles.includes(Role.admin)) {
      // an unknown organisation is NOT_FOUND for everyone (organisations are public anyway)
      const current = await this.get(id);
      if (by.organisationId !== id) throw new DomainException(ErrorCode.FORBIDDEN);
      // the kind decides which calls an organisation may apply to: only admins change it
      if (input.kind !== current.kind) throw new DomainException(ErrorCode.FORBIDDEN);
    }
    const updated = await this.organisations
      .findByIdAndUpdate(
        objectId(id),
        { $set: this.toDocument(input) },
        { returnDocument: 'after' },
      )
      .lean<LeanOrganisation>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.toModel(updated);
  }

  async find(id: string): Promise<OrganisationModel | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const found = await this.organisations.findById(id).lean<LeanOrganisation>().exec();
    return found ? this.toModel(found) : null;
  }

  async findMany(ids: string[]): Promise<OrganisationModel[]> {
    const valid = ids
      .filter((id) => Types.ObjectId.isValid(id))
      .map((id) => new Types.ObjectId(id));
    const rows = await this.organisations
      .find({ _id: trusted({ $in: valid }) })
      .lean<LeanOrganisation[]>()
      .exec();
    return rows.map((o) => this.toModel(o));
  }

  async get(id: string): Promise<OrganisationModel> {
    const found = await this.find(id);
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  async list(args: OrganisationsArgs): Promise<Connection<OrganisationModel>> {
    const filter: QueryFilter<Organisation> = args.kind ? { kind: args.kind } : {};
    return pageById(this.organisations, filter, args, {
      order: 'oldest',
      toNode: (o: LeanOrganisation) => this.toModel(o),
    });
  }

  private toModel(o: LeanOrganisation): OrganisationModel {
    return {
      id: o._id.toHexString(),
      name: o.name,
      kind: o.kind,
      address: o.address,
      contact: o.contact ?? {},
      openingHours: openingHoursView(o.openingHours ?? legacyOpeningHours(o)),
      updatedAt: o.updatedAt,
    };
  }
}
