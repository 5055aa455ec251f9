import { InputType } from '@nestjs/graphql';
import { IdField } from '../../common/dto/fields';

@InputType()
export class EnrolInCourseInput {
  @IdField()
  courseId: string;
}

@InputType()
export class UnenrolFromCourseInput {
  @IdField()
  courseId: string;
}

@InputType()
export class CompleteLessonInput {
  @IdField()
  lessonId: string;
}
