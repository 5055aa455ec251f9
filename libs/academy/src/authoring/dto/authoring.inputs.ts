import { InputType } from '@nestjs/graphql';
import { IdField } from '../../common/dto/fields';

@InputType()
export class DeleteCourseInput {
  @IdField()
  courseId: string;
}

@InputType()
export class RemoveCourseModuleInput {
  @IdField()
  moduleId: string;
}

@InputType()
export class RemoveLessonInput {
  @IdField()
  lessonId: string;
}

@InputType()
export class RemoveQuizQuestionInput {
  @IdField()
  questionId: string;
}
