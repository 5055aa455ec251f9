/** Forums fixtures shared by the forums e2e files: seeded forums, people with forum roles. */
import { randomBytes } from 'node:crypto';
import { Language, Role } from '@sasiad/core';
import { ForumSeedService } from '@sasiad/forums';
import { AuthService, UsersService } from '@sasiad/identity';
import { ok } from '../support/graphql';
import { GqlResponse, TestApp } from '../support/test-app';

/** Response data walked freely by assertions (a wrong path fails the assertion, not the compiler). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = Record<string, any>;

export const FORUM_TEXT = `{ language languageName title text translation { language title text isMachine } translations { language title text isMachine } }`;
export const IDEA_FIELDS = `id forumId state stateReason supportCount commentCount viewerSupports hidden author { userId fromPaper erased } place { address lat lng } content ${FORUM_TEXT}`;

/** The six estates through the seed service; returns their ids by key. */
export async function seededForums(t: TestApp): Promise<Record<string, string>> {
  const outcomes = await t.app.get(ForumSeedService).seed();
  return Object.fromEntries(outcomes.map((o) => [o.key, o.id]));
}

export interface Person {
  id: string;
  token: string;
}

/** A signed-in person with the given roles, preferred language and display name. */
export async function person(
  t: TestApp,
  roles: Role[] = [Role.learner],
  preferredLanguage: Language = 'pl',
  displayName?: string,
): Promise<Person> {
  const user = await t.app.get(UsersService).create({
    login: `forum-${randomBytes(5).toString('hex')}@example.org`,
    loginKind: 'email',
    password: 'correct-horse-battery-7',
    roles,
    preferredLanguage,
    displayName,
  });
  const session = await t.app.get(AuthService).startSession(user);
  return { id: user.id, token: session.accessToken };
}

const SET_ROLE = `mutation($i: SetForumRoleInput!) { setForumRole(input: $i) { id facilitatorIds moderatorIds } }`;

export async function assignRole(
  t: TestApp,
  adminToken: string,
  forumId: string,
  userId: string,
  role: 'FACILITATOR' | 'MODERATOR' | 'TRANSLATOR',
): Promise<void> {
  ok(
    await t.gql(SET_ROLE, { i: { forumId, userId, role, assigned: true } }, { token: adminToken }),
  );
}

export const JOIN = `mutation($i: JoinForumInput!) { joinForum(input: $i) { forumId member public } }`;

export async function join(t: TestApp, p: Person, forumId: string, isPublic = false) {
  ok(await t.gql(JOIN, { i: { forumId, public: isPublic } }, { token: p.token }));
}

export const POST_IDEA = `mutation($i: PostIdeaInput!) { postIdea(input: $i) { ${IDEA_FIELDS} } }`;

export async function postIdea(
  t: TestApp,
  p: Person,
  forumId: string,
  title: string,
  text: string,
  language?: Language,
): Promise<string> {
  const res = await t.gql<{ postIdea: { id: string } }>(
    POST_IDEA,
    { i: { forumId, title, text, language } },
    { token: p.token },
  );
  return ok(res).postIdea.id;
}

export const COMMENT = `mutation($i: CommentOnPostInput!) { commentOnPost(input: $i) { id targetId replyToId hidden content { text language } } }`;

/** The error code and whether data came back empty (nothing done). */
export const refused = (res: GqlResponse) => ({
  code: res.body.errors?.[0]?.extensions.code,
  data: res.body.data ?? null,
});
