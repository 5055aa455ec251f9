import { fillPlaceholders, placeholdersOf } from './placeholders';

describe('canned answer placeholders', () => {
  it('finds the names a template uses', () => {
    expect(placeholdersOf('Idź do {{office}} w {{ day }}; {{office}} jest otwarty.')).toEqual([
      'day',
      'office',
    ]);
    expect(placeholdersOf('Bez zmiennych. {{}} {{1x}} {single}')).toEqual([]);
  });

  it('fills every placeholder, and inserts values literally', () => {
    expect(
      fillPlaceholders('Прыходзьце ў {{office}} у {{day}}.', {
        office: 'ЦВОП, вул. Sienkiewicza 12',
        day: 'аўторак',
      }),
    ).toBe('Прыходзьце ў ЦВОП, вул. Sienkiewicza 12 у аўторак.');
    expect(fillPlaceholders('A {{x}} B', { x: '{{y}} $& $1' })).toBe('A {{y}} $& $1 B');
  });

  it('refuses a template whose placeholder has no value', () => {
    expect(() => fillPlaceholders('Do {{office}} o {{hour}}', { office: 'UW' })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'values.hour', constraint: 'missingPlaceholder' }],
      }),
    );
  });
});
