import { QuestionAction, QuestionStatus } from './question-lifecycle';

/** Published after every change of a question (for live views); carries no content. */
export const QUESTION_CHANGED = 'infoPoint.questionChanged';
export interface QuestionChangedEvent {
  questionId: string;
  action: QuestionAction | 'ask';
  status: QuestionStatus;
  language: string;
  topic: string;
  claimedBy: string | null;
  askerId: string | null;
  at: Date;
}

/** What an asker is told about, live. */
export const TOLD_TO_ASKER = new Set<QuestionChangedEvent['action']>([
  'answer',
  'askForDetails',
  'close',
]);

/** Passes on only the events that `keep` accepts; ending it ends the source at once. */
export function filterEvents<T>(
  source: AsyncIterableIterator<T>,
  keep: (event: T) => boolean,
): AsyncIterableIterator<T> {
  return {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done || keep(result.value)) return result;
      }
    },
    return: () => source.return?.() ?? Promise.resolve({ done: true, value: undefined }),
    throw: (error: unknown) => source.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
