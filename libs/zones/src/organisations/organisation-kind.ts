import { registerEnumType } from '@nestjs/graphql';

/** Kinds of partner organisations (after Open Referral HSDS's organisation, narrowed to ours). */
export enum OrganisationKind {
  library_branch = 'library_branch',
  ngo = 'ngo',
  community_centre = 'community_centre',
  city_unit = 'city_unit',
  informal_group = 'informal_group',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

export enum Weekday {
  mon = 'mon',
  tue = 'tue',
  wed = 'wed',
  thu = 'thu',
  fri = 'fri',
  sat = 'sat',
  sun = 'sun',
}
registerEnumType(Weekday, { name: 'Weekday' });

export const WEEKDAYS = Object.values(Weekday);
