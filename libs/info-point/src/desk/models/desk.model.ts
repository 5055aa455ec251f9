import { Field, ObjectType } from '@nestjs/graphql';
import { AskerQuestion } from '../../questions/models/question.model';

@ObjectType({ description: 'A question asked at the desk for a person, with its access code.' })
export class AskQuestionForPersonPayload {
  @Field(() => AskerQuestion, { description: 'The question as its asker will see it.' })
  question: AskerQuestion;

  @Field({
    description:
      'Shown once: give it to the person (printed slip or screen). It reads the answer, follows up and erases the question; it cannot be recovered.',
  })
  accessCode: string;

  @Field({ description: 'True when claimForMe was asked and the question is now yours.' })
  claimedByMe: boolean;
}
