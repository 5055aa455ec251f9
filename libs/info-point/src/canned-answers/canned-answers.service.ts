import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  DomainException,
  ErrorCode,
  isDuplicateKey,
  Language,
  LANGUAGES,
} from '@sasiad/core';
import { CannedAnswer, LeanCannedAnswer } from './canned-answer.schema';
import { CannedAnswerInput, PlaceholderValue } from './dto/canned.inputs';
import { CannedAnswerModel } from './models/canned-answer.model';
import { fillPlaceholders, placeholdersOf } from './placeholders';

/** Prepared answers: staff keep them, find them by short code and fill their placeholders. */
@Injectable()
export class CannedAnswersService {
  constructor(@InjectModel(CannedAnswer.name) private readonly canned: Model<CannedAnswer>) {}

  async search(prefix?: string): Promise<CannedAnswerModel[]> {
    // The prefix is validated to [a-z0-9-], so it is safe inside a regular expression.
    const filter: QueryFilter<CannedAnswer> = prefix
      ? { shortCode: trusted({ $regex: `^${prefix}` }) }
      : {};
    const rows = await this.canned
      .find(filter)
      .sort({ shortCode: 1 })
      .limit(100)
      .lean<LeanCannedAnswer[]>()
      .exec();
    return rows.map((r) => this.toModel(r));
  }

  async create(input: CannedAnswerInput, staff: AuthUser): Promise<CannedAnswerModel> {
    const placeholders = this.samePlaceholders(input);
    try {
      const created = await this.canned.create({
        ...input,
        placeholders,
        updatedBy: new Types.ObjectId(staff.id),
      });
      return this.toModel(created.toObject() as LeanCannedAnswer);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.CANNED_CODE_TAKEN);
      throw error;
    }
  }

  async update(input: CannedAnswerInput, staff: AuthUser): Promise<CannedAnswerModel> {
    const placeholders = this.samePlaceholders(input);
    const updated = await this.canned
      .findOneAndUpdate(
        { shortCode: input.shortCode },
        {
          $set: {
            title: input.title,
            texts: input.texts,
            placeholders,
            updatedBy: new Types.ObjectId(staff.id),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanCannedAnswer>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.toModel(updated);
  }

  async remove(shortCode: string): Promise<boolean> {
    const { deletedCount } = await this.canned.deleteOne({ shortCode }).exec();
    if (deletedCount === 0) throw new DomainException(ErrorCode.NOT_FOUND);
    return true;
  }

  async render(shortCode: string, language: Language, values: PlaceholderValue[]): Promise<string> {
    const found = await this.canned.findOne({ shortCode }).lean<LeanCannedAnswer>().exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return fillPlaceholders(
      found.texts[language],
      Object.fromEntries(values.map((v) => [v.name, v.value])),
    );
  }

  /** Every translation must ask for the same values, or one language would get a hole. */
  private samePlaceholders(input: CannedAnswerInput): string[] {
    const reference = placeholdersOf(input.texts.pl);
    const differing = LANGUAGES.filter(
      (lang) => placeholdersOf(input.texts[lang]).join(',') !== reference.join(','),
    );
    if (differing.length > 0)
      throw new DomainException(
        ErrorCode.BAD_USER_INPUT,
        {},
        differing.map((lang) => ({ field: `texts.${lang}`, constraint: 'samePlaceholders' })),
      );
    return reference;
  }

  private toModel(r: LeanCannedAnswer): CannedAnswerModel {
    return {
      id: r._id.toHexString(),
      shortCode: r.shortCode,
      title: r.title,
      texts: { pl: r.texts.pl, uk: r.texts.uk, be: r.texts.be, ru: r.texts.ru },
      placeholders: r.placeholders,
      updatedAt: r.updatedAt,
    };
  }
}
