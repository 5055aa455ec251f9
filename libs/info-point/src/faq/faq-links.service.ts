import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { FaqEntry, FaqState } from './faq-entry.schema';

/**
 * What erasing a question means for the FAQ (called by QuestionsService on erasure and
 * retention). Kept apart from FaqService, which reads questions, so the two do not depend on
 * each other.
 */
@Injectable()
export class FaqLinksService {
  constructor(@InjectModel(FaqEntry.name) private readonly entries: Model<FaqEntry>) {}

  /**
   * A draft nobody has yet confirmed as free of personal details may still hold the asker's
   * words: it goes with the question. Every other entry keeps its (reviewed) text and loses its
   * link to the question.
   */
  async questionsErased(questionIds: Types.ObjectId[]): Promise<void> {
    if (questionIds.length === 0) return;
    const source = trusted({ $in: questionIds });
    await this.entries
      .deleteMany({
        sourceQuestionId: source,
        state: FaqState.DRAFT,
        personalDetailsConfirmedAt: null,
      })
      .exec();
    await this.entries
      .updateMany({ sourceQuestionId: source }, { $set: { sourceQuestionId: null } })
      .exec();
  }
}
