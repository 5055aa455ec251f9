import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import {
  DomainException,
  ErrorCode,
  I18nService,
  indexWords,
  Language,
  objectId,
} from '@sasiad/core';
import { toForumText } from '../common/content.model';
import { forumsModel } from '../common/model-name';
import { CommentModel, DebateModel, IdeaModel } from './models/post.model';
import { IdeaState, LeanPost, Post, PostKind, Support, TranslationDoc } from './post.schema';

/** The folded words of a post's texts and translations (search meets Latin and Cyrillic). */
export function postTokens(post: {
  title?: string | null;
  text: string;
  language: Language;
  translations?: TranslationDoc[];
}): string[] {
  const texts = [
    { text: `${post.title ?? ''} ${post.text}`, language: post.language },
    ...(post.translations ?? []).map((t) => ({
      text: `${t.title ?? ''} ${t.text}`,
      language: t.language,
    })),
  ];
  return [...new Set(texts.flatMap((t) => indexWords(t.text, t.language)))].slice(0, 2000);
}

/** The posts collection, its look-ups and its GraphQL views, shared by the post features. */
@Injectable()
export class PostStore {
  constructor(
    @InjectModel(forumsModel(Post)) readonly posts: Model<Post>,
    @InjectModel(forumsModel(Support)) readonly supports: Model<Support>,
    private readonly i18n: I18nService,
  ) {}

  async find(id: string | Types.ObjectId, kind?: PostKind): Promise<LeanPost> {
    const post = await this.posts.findById(objectId(id)).lean<LeanPost>().exec();
    if (!post || (kind && post.kind !== kind)) throw new DomainException(ErrorCode.NOT_FOUND);
    return post;
  }

  private content(p: LeanPost, lang: Language) {
    return p.hidden || p.erased ? null : toForumText(p, lang, this.i18n);
  }

  private author(p: LeanPost) {
    return {
      userId: p.authorId?.toHexString() ?? null,
      fromPaper: Boolean(p.fromPaper),
      erased: Boolean(p.authorErased),
    };
  }

  toIdea(p: LeanPost, lang: Language, viewerSupports = false): IdeaModel {
    return {
      id: p._id.toHexString(),
      forumId: p.forumId.toHexString(),
      content: this.content(p, lang),
      place: p.place
        ? { address: p.place.address ?? null, lat: p.place.lat ?? null, lng: p.place.lng ?? null }
        : null,
      author: this.author(p),
      state: p.state ?? IdeaState.NEW,
      stateReason: p.stateReason ?? null,
      stateReasonLanguage: p.stateReason ? ((p.stateReasonLanguage as Language) ?? null) : null,
      supportCount: p.supportCount,
      commentCount: p.commentCount,
      viewerSupports,
      activityId: p.activityId?.toHexString() ?? null,
      hidden: p.hidden,
      createdAt: p.createdAt,
    };
  }

  toComment(p: LeanPost, lang: Language): CommentModel {
    return {
      id: p._id.toHexString(),
      targetId: p.targetId!.toHexString(),
      replyToId: p.replyToId?.toHexString() ?? null,
      content: this.content(p, lang),
      author: this.author(p),
      hidden: p.hidden,
      erased: Boolean(p.erased),
      createdAt: p.createdAt,
    };
  }

  toDebate(p: LeanPost, lang: Language): DebateModel {
    return {
      id: p._id.toHexString(),
      forumId: p.forumId.toHexString(),
      content: this.content(p, lang),
      closed: Boolean(p.closedAt),
      closedAt: p.closedAt ?? null,
      conclusions: p.conclusions ?? null,
      commentCount: p.commentCount,
      hidden: p.hidden,
      createdAt: p.createdAt,
    };
  }
}
