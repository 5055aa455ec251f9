import { ArgsType } from '@nestjs/graphql';
import { Language } from '@sasiad/core';
import { IdField, LangField } from './fields';

@ArgsType()
export class ReadArgs {
  @IdField()
  id: string;

  @LangField()
  lang?: Language;
}

@ArgsType()
export class CourseIdArgs {
  @IdField()
  courseId: string;
}
