import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { forumsModel } from '../common/model-name';
import { Recommendation } from './recommendation.schema';

/** The recommendations collection, for the features that read or translate it. */
@Injectable()
export class RecommendationsStore {
  constructor(@InjectModel(forumsModel(Recommendation)) readonly model: Model<Recommendation>) {}
}
