import { describe, expect, it } from 'vitest';
import { renameProblem } from './rename-rules';
import { toLocalized } from '../events/MultilingualInput';

const before = { pl: 'Łódź, wtorki', uk: 'Лодзь, вівторки', be: '', ru: '' };

describe('renaming a cohort', () => {
  it('needs the base-language name', () => {
    expect(renameProblem({ ...before, pl: '  ' }, before, 'pl')).toEqual({
      problem: 'baseRequired',
      lang: 'pl',
    });
  });

  it('refuses to empty an existing translation, allows adding one', () => {
    expect(renameProblem({ ...before, uk: '' }, before, 'pl')).toEqual({
      problem: 'cannotClear',
      lang: 'uk',
    });
    expect(renameProblem({ ...before, be: 'Лодзь, аўторкі' }, before, 'pl')).toBeNull();
  });

  it('sends only the languages that changed', () => {
    expect(toLocalized({ ...before, pl: 'Łódź, środy ' }, before)).toEqual([
      { lang: 'pl', text: 'Łódź, środy' },
    ]);
    expect(toLocalized(before, before)).toEqual([]);
  });
});
