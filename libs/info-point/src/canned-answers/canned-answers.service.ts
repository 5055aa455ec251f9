import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  isDuplicateKey,
  Language,
  LocalizedField,
  mergeTranslations,
} from '@sasiad/core';
import { TEXT_MAX } from '../questions/dto/question.inputs';
import { CannedAnswer, LeanCannedAnswer } from './canned-answer.schema';
import { CANNED_BASE, cannedField, cannedTexts, cannedTextsProblems } from './canned-texts';
import { CannedAnswerInput, PlaceholderValue } from './dto/canned.inputs';
import { CannedAnswerModel } from './models/canned-answer.model';
import { fillPlaceholders, placeholdersOf } from './placeholders';

/** Prepared answers: staff keep them, find them by short code and fill their placeholders. */
@Injectable()
export class CannedAnswersService {
  constructor(
    @InjectModel(CannedAnswer.name) private readonly canned: Model<CannedAnswer>,
    private readonly clock: Clock,
  ) {}

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
    const texts = this.texts(undefined, input);
    try {
      const created = await this.canned.create({
        shortCode: input.shortCode,
        title: input.title,
        texts,
        placeholders: placeholdersOf(texts[CANNED_BASE]!.text),
        updatedBy: new Types.ObjectId(staff.id),
      });
      return this.toModel(created.toObject() as LeanCannedAnswer);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.CANNED_CODE_TAKEN);
      throw error;
    }
  }

  /** Replaces the texts (all four languages are given); a changed Polish text is a new version. */
  async update(input: CannedAnswerInput, staff: AuthUser): Promise<CannedAnswerModel> {
    const existing = await this.canned
      .findOne({ shortCode: input.shortCode })
      .lean<LeanCannedAnswer>()
      .exec();
    if (!existing) throw new DomainException(ErrorCode.NOT_FOUND);
    const texts = this.texts(cannedField(existing.texts), input);
    const updated = await this.canned
      .findOneAndUpdate(
        { shortCode: input.shortCode },
        {
          $set: {
            title: input.title,
            texts,
            placeholders: placeholdersOf(texts[CANNED_BASE]!.text),
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
    const text = cannedField(found.texts)[language]?.text;
    if (text === undefined) throw new DomainException(ErrorCode.NOT_FOUND);
    return fillPlaceholders(text, Object.fromEntries(values.map((v) => [v.name, v.value])));
  }

  private texts(existing: LocalizedField | undefined, input: CannedAnswerInput): LocalizedField {
    const problems = cannedTextsProblems(input.texts, TEXT_MAX);
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    return mergeTranslations(existing, input.texts, CANNED_BASE, this.clock.now(), 'texts');
  }

  private toModel(r: LeanCannedAnswer): CannedAnswerModel {
    return {
      id: r._id.toHexString(),
      shortCode: r.shortCode,
      title: r.title,
      texts: cannedTexts(cannedField(r.texts)),
      placeholders: r.placeholders,
      updatedAt: r.updatedAt,
    };
  }
}
