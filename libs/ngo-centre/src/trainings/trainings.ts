import { Injectable } from '@nestjs/common';
import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectModel } from '@nestjs/mongoose';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEnum, ValidateNested } from 'class-validator';
import { Model, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Ctx,
  CurrentUser,
  FileKind,
  FileOwner,
  FileOwnerKind,
  FileStore,
  Public,
  RequestContext,
  Role,
  Roles,
  StoredFileModel,
  storedFileView,
} from '@sasiad/core';
import { CreateEventInput, EventsService } from '@sasiad/zones';
import { ConsultationTopic } from '../consultations/consultation.schema';
import { NgoTraining } from './training.schema';

export const TRAINING_MATERIALS = 'ngo-centre.training';

type LeanTraining = NgoTraining & { _id: Types.ObjectId };

@InputType()
export class CreateTrainingInput {
  @Field(() => CreateEventInput, { description: 'The event (seats, registration as usual).' })
  @ValidateNested()
  @Type(() => CreateEventInput)
  event: CreateEventInput;

  @Field(() => [ConsultationTopic])
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsEnum(ConsultationTopic, { each: true })
  topics: ConsultationTopic[];
}

@ObjectType('Training')
export class TrainingModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, {
    description: 'The zones event: read it with `event(id:)`, register as usual.',
  })
  eventId: string;

  @Field(() => [ConsultationTopic])
  topics: ConsultationTopic[];

  @Field(() => [StoredFileModel], { description: 'Materials, added after the training.' })
  materials: StoredFileModel[];
}

/**
 * Trainings of the centre: zones events with topics, and materials added after them. One small
 * file for the input, model, service, file owner and resolver of this small feature.
 */
@Injectable()
export class TrainingsService {
  constructor(
    @InjectModel(NgoTraining.name) private readonly trainings: Model<NgoTraining>,
    private readonly events: EventsService,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  /** The event first (zones checks it), then the training; if the second failed, a plain event stays. */
  async create(user: AuthUser, input: CreateTrainingInput, lang: RequestContext['lang']) {
    const event = await this.events.create(input.event, user, lang);
    const created = await this.trainings.create({
      eventId: new Types.ObjectId(event.id),
      topics: input.topics,
      endsAt: event.endsAt,
      createdBy: new Types.ObjectId(user.id),
    });
    return this.view(created.toObject());
  }

  async list(): Promise<TrainingModel[]> {
    const rows = await this.trainings
      .find()
      .sort({ _id: -1 })
      .limit(100)
      .lean<LeanTraining[]>()
      .exec();
    return Promise.all(rows.map((t) => this.view(t)));
  }

  /** Materials are added by staff once the training has ended. */
  async mayAddMaterials(user: AuthUser, trainingId: string): Promise<boolean> {
    if (!user.roles.includes(Role.staff) && !user.roles.includes(Role.admin)) return false;
    const found = await this.find(trainingId);
    return !!found && found.endsAt <= this.clock.now();
  }

  async exists(trainingId: string): Promise<boolean> {
    return !!(await this.find(trainingId));
  }

  async forgetUser(userId: string): Promise<void> {
    await this.trainings
      .updateMany({ createdBy: new Types.ObjectId(userId) }, { $unset: { createdBy: 1 } })
      .exec();
  }

  private find(id: string): Promise<LeanTraining | null> {
    if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.trainings.findById(id).lean<LeanTraining>().exec();
  }

  private async view(t: LeanTraining): Promise<TrainingModel> {
    const materials = await this.files.listFor(TRAINING_MATERIALS, t._id.toHexString());
    return {
      id: t._id.toHexString(),
      eventId: t.eventId.toHexString(),
      topics: t.topics as ConsultationTopic[],
      materials: materials.map(storedFileView),
    };
  }
}

@FileOwnerKind(TRAINING_MATERIALS)
@Injectable()
export class TrainingMaterials implements FileOwner {
  readonly accept = [FileKind.PDF, FileKind.DOCUMENT, FileKind.IMAGE];
  readonly maxBytes = 20 * 1024 * 1024;

  constructor(private readonly trainings: TrainingsService) {}

  canWrite(user: AuthUser, trainingId: string): Promise<boolean> {
    return this.trainings.mayAddMaterials(user, trainingId);
  }

  canRead(_user: AuthUser | null, trainingId: string): Promise<boolean> {
    return this.trainings.exists(trainingId);
  }
}

@Resolver(() => TrainingModel)
export class TrainingsResolver {
  constructor(private readonly service: TrainingsService) {}

  @Query(() => [TrainingModel], { description: "The centre's trainings, newest first." })
  @Public()
  trainings() {
    return this.service.list();
  }

  @Mutation(() => TrainingModel)
  @Roles(Role.staff, Role.admin)
  createTraining(
    @Args('input') input: CreateTrainingInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.create(user, input, ctx.lang);
  }
}
