import { SetMetadata } from '@nestjs/common';
import { ALL_ROLES, Role } from './role';

export const ACCESS_KEY = 'sasiad:access';

export type AccessRule = { public: true } | { public: false; roles: Role[] };

/** Anyone may call it, signed in or not. Use deliberately: everything else is denied by default. */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);

/** Only signed-in users holding one of these roles. */
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_KEY, { public: false, roles } satisfies AccessRule);

/** Any signed-in user. */
export const SignedIn = () => Roles(...ALL_ROLES);
