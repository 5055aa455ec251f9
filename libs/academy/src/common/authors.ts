import { AuthUser, Role, Roles } from '@sasiad/core';

/** The academy's authoring roles: staff and admins write courses, quizzes and cohorts. */
export const Authors = () => Roles(Role.staff, Role.admin);

export const isAuthor = (user: AuthUser | null | undefined) =>
  !!user && (user.roles.includes(Role.staff) || user.roles.includes(Role.admin));
