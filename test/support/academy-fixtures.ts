import { ok as dataOf } from './graphql';
import { TestApp } from './test-app';

export const LT = `{ text language isFallback state }`;

export type Text = { lang: string; text: string };

export interface CourseSpec {
  title?: Text[];
  summary?: Text[];
  topic?: string;
  level?: string;
  durationMinutes?: number;
  tags?: string[];
  fallbackLanguages?: string[];
  capacity?: number;
  enrolmentOpensAt?: string;
  enrolmentClosesAt?: string;
  baseLanguage?: string;
}

/** Response data walked freely by assertions (a wrong path fails the assertion, not the compiler). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = Record<string, any>;

/** A GraphQL call that must succeed (checked by the shared `ok` of support/graphql); its data. */
export async function ok<T = Data>(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  opts: { lang?: string; query?: string } = {},
): Promise<T> {
  return dataOf(await t.gql<T>(query, variables, { token, ...opts }));
}

export async function createCourse(t: TestApp, token: string, spec: CourseSpec = {}) {
  const data = await ok<{ createCourse: { id: string } }>(
    t,
    `mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }`,
    {
      i: {
        title: [{ lang: 'pl', text: 'Legalny pobyt w Polsce' }],
        summary: [{ lang: 'pl', text: 'Jak uzyskać **kartę pobytu**.' }],
        topic: 'residence',
        level: 'beginner',
        durationMinutes: 45,
        ...spec,
      },
    },
    token,
  );
  return data.createCourse.id;
}

export async function addModule(
  t: TestApp,
  token: string,
  courseId: string,
  order: number,
  title: Text[],
) {
  const data = await ok<{ addCourseModule: { id: string } }>(
    t,
    `mutation($i: AddModuleInput!) { addCourseModule(input: $i) { id } }`,
    { i: { courseId, order, title } },
    token,
  );
  return data.addCourseModule.id;
}

export async function addLesson(
  t: TestApp,
  token: string,
  moduleId: string,
  order: number,
  title: Text[],
  extra: Record<string, unknown> = {},
) {
  const data = await ok<{ addLesson: { id: string } }>(
    t,
    `mutation($i: AddLessonInput!) { addLesson(input: $i) { id } }`,
    { i: { moduleId, order, title, ...extra } },
    token,
  );
  return data.addLesson.id;
}

export async function moveCourse(t: TestApp, token: string, courseId: string, to: string) {
  return t.gql<{ changeCourseState: { state: string } }>(
    `mutation($i: ChangeCourseStateInput!) { changeCourseState(input: $i) { state history { state by at } } }`,
    { i: { courseId, to } },
    { token },
  );
}

export async function publish(t: TestApp, token: string, courseId: string) {
  for (const to of ['IN_REVIEW', 'PUBLISHED']) {
    const res = await moveCourse(t, token, courseId, to);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  }
}
