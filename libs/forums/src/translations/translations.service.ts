import { Inject, Injectable, Optional } from '@nestjs/common';
import { Model, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  I18nService,
  Language,
  objectId,
} from '@sasiad/core';
import { ForumTextModel, toForumText } from '../common/content.model';
import { assertPlainText } from '../common/user-text';
import { ForumsService } from '../forums/forums.service';
import { TranslateForumTextInput } from '../posts/dto/post.inputs';
import { TranslationDoc } from '../posts/post.schema';
import { PostStore, postTokens } from '../posts/post-store';
import { RecommendationsStore } from '../recommendations/recommendations.store';
import { MACHINE_TRANSLATOR, MachineTranslator } from './machine-translator';

interface Translatable {
  _id: Types.ObjectId;
  forumId: Types.ObjectId;
  title?: string | null;
  text: string;
  language: Language;
  translations?: TranslationDoc[];
  translationsVersion?: number;
  hidden?: boolean;
  erased?: boolean;
}

/**
 * Human translations of ideas, comments, debates and recommendations, by the forum's
 * facilitators and volunteer translators. A translation of a language replaces the earlier one
 * of that language; the write is conditional on no other translation having been written since
 * the post was read (`translationsVersion`), else CONCURRENT_CHANGE. The original never changes.
 */
@Injectable()
export class TranslationsService {
  constructor(
    private readonly posts: PostStore,
    private readonly recommendations: RecommendationsStore,
    private readonly forums: ForumsService,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
    @Optional() @Inject(MACHINE_TRANSLATOR) private readonly machine: MachineTranslator | null,
  ) {}

  machineTranslationAvailable(): boolean {
    return Boolean(this.machine);
  }

  async translate(
    input: TranslateForumTextInput,
    user: AuthUser,
    lang: Language,
  ): Promise<ForumTextModel> {
    assertPlainText({ title: input.title, text: input.text });
    const id = objectId(input.id);
    const post = await this.posts.posts.findById(id).lean<Translatable>().exec();
    const recommendation = post
      ? null
      : await this.recommendations.model.findById(id).lean<Translatable>().exec();
    const doc = post ?? recommendation;
    if (!doc) throw new DomainException(ErrorCode.NOT_FOUND);
    this.forums.assertTranslator(await this.forums.find(doc.forumId), user);
    if (doc.hidden || doc.erased) throw new DomainException(ErrorCode.POST_HIDDEN);
    if (input.language === doc.language)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'language', constraint: 'originalLanguage' },
      ]);
    if (doc.title && !input.title)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'title', constraint: 'required' },
      ]);
    const translation: TranslationDoc = {
      language: input.language,
      title: doc.title ? input.title : undefined,
      text: input.text,
      machine: false,
      translatorId: new Types.ObjectId(user.id),
      translatedAt: this.clock.now(),
    };
    const translations = [
      ...(doc.translations ?? []).filter((t) => t.language !== input.language),
      translation,
    ];
    const version = doc.translationsVersion ?? 0;
    const set: Record<string, unknown> = { translations, translationsVersion: version + 1 };
    if (post) set.tokens = postTokens({ ...doc, translations });
    const model = (post
      ? this.posts.posts
      : this.recommendations.model) as unknown as Model<Translatable>;
    const updated = await model
      .findOneAndUpdate(
        // counters (supports, comments) may move meanwhile; only another translation conflicts
        {
          _id: doc._id,
          translationsVersion: doc.translationsVersion ?? trusted({ $in: [0, null] }),
        },
        { $set: set },
        { returnDocument: 'after' },
      )
      .lean<Translatable>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.CONCURRENT_CHANGE);
    return toForumText(updated, lang, this.i18n);
  }
}
