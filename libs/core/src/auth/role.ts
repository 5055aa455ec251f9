import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  learner = 'learner',
  staff = 'staff',
  library = 'library',
  admin = 'admin',
}

export const ALL_ROLES = Object.values(Role);

registerEnumType(Role, {
  name: 'Role',
  description:
    'learner: a migrant using the Academy and the info point; staff: info-point consultant; library: coordinator acting for an organisation; admin: programme administrator',
});
