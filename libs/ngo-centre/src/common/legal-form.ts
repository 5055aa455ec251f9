import { registerEnumType } from '@nestjs/graphql';

/** Legal forms of the third sector the centre serves (CWOP's addressees), plus "other". */
export enum LegalForm {
  ASSOCIATION = 'ASSOCIATION',
  ORDINARY_ASSOCIATION = 'ORDINARY_ASSOCIATION',
  FOUNDATION = 'FOUNDATION',
  INITIATIVE_GROUP = 'INITIATIVE_GROUP',
  OTHER = 'OTHER',
}
registerEnumType(LegalForm, { name: 'LegalForm' });

export enum VerificationState {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REFUSED = 'REFUSED',
}
registerEnumType(VerificationState, {
  name: 'VerificationState',
  description: 'PENDING until centre staff verify the organisation or refuse it with a reason.',
});

export enum MemberRole {
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}
registerEnumType(MemberRole, { name: 'NgoMemberRole' });

export enum MemberState {
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
}
registerEnumType(MemberState, { name: 'NgoMemberState' });
