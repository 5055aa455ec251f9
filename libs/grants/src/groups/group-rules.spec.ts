import { ageOn, groupProblems } from './group-rules';

const adult = (fullName: string) => ({ fullName, birthDate: '1990-05-01' });

describe('informal group rules', () => {
  it('counts age in whole years, birthday included', () => {
    expect(ageOn('2008-12-04', '2026-12-04')).toBe(18);
    expect(ageOn('2008-12-05', '2026-12-04')).toBe(17);
    expect(ageOn('2001-02-30', '2026-12-04')).toBeNull();
    expect(ageOn('2030-01-01', '2026-12-04')).toBeNull();
  });

  it('accepts three adults and refuses a group of two', () => {
    const three = [adult('Anna'), adult('Olena'), adult('Aliaksandr')];
    expect(groupProblems(three, 0, '2026-12-04')).toEqual([]);
    expect(groupProblems(three.slice(0, 2), 0, '2026-12-04')).toEqual([
      { field: 'members', constraint: 'groupTooSmall', limit: 3 },
    ]);
  });

  it('names the minor, the duplicate and a contact who is not a member', () => {
    const members = [adult('Anna'), { fullName: 'Iryna', birthDate: '2010-01-01' }, adult('anna')];
    expect(groupProblems(members, 3, '2026-12-04')).toEqual([
      { field: 'members.1.birthDate', constraint: 'notAdult', limit: 18 },
      { field: 'members.2', constraint: 'unique' },
      { field: 'contactMember', constraint: 'max', limit: 2 },
    ]);
  });
});
