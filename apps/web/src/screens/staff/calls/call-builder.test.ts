import { describe, expect, it } from 'vitest';
import {
  blankDraft,
  callInput,
  changedTexts,
  draftProblems,
  moved,
  newField,
  nextKey,
} from './call-builder';

describe('call form builder', () => {
  it('lists what is missing in an empty draft, in the order of the builder', () => {
    expect(draftProblems(blankDraft()).map((p) => p.what)).toEqual([
      'title',
      'description',
      'opensAt',
      'closesAt',
      'noFields',
    ]);
  });

  it('checks limits, options and criteria, and builds the CallInput with Warsaw times', () => {
    const d = blankDraft();
    d.title.pl = 'Nabór';
    d.description.pl = 'Opis';
    d.opensAt = '2026-12-10T09:00';
    d.closesAt = '2026-07-10T09:00';
    const text = newField('short_text', []);
    text.label.pl = 'Nazwa';
    text.maxLength = '500';
    const choice = newField('single_choice', [text]);
    choice.label.pl = 'Wielkość';
    d.fields = [text, choice];
    d.criteria = [{ key: 'c1', label: { pl: '', uk: '', be: '', ru: '' }, maxPoints: '0' }];
    expect(draftProblems(d).map((p) => [p.at, p.what])).toEqual([
      ['c-closesAt', 'closesAt'],
      ['field-0-minLength', 'lengths'],
      ['field-1-add-option', 'options'],
      ['field-1-option-0-pl', 'optionLabel'],
      ['criterion-0-label-pl', 'criterionLabel'],
      ['criterion-0-points', 'points'],
    ]);
    d.closesAt = '2026-12-20T23:59';
    text.maxLength = '120';
    text.required = true;
    text.label.uk = 'Назва';
    choice.options = [
      { key: 'o1', label: { pl: 'mała', uk: '', be: '', ru: '' } },
      { key: 'o2', label: { pl: 'duża', uk: '', be: '', ru: '' } },
    ];
    d.criteria = [{ key: 'c1', label: { pl: 'Jakość', uk: '', be: '', ru: '' }, maxPoints: '10' }];
    expect(draftProblems(d)).toEqual([]);
    const input = callInput(d);
    expect(input.opensAt).toBe('2026-12-10T08:00:00.000Z');
    expect(input.closesAt).toBe('2026-12-20T22:59:00.000Z');
    expect(input.form[0]).toEqual({
      key: 'q1',
      type: 'short_text',
      required: true,
      label: [
        { lang: 'uk', text: 'Назва' },
        { lang: 'pl', text: 'Nazwa' },
      ],
      minLength: undefined,
      maxLength: 120,
    });
    expect(input.form[1].options).toHaveLength(2);
    expect(input.criteria).toEqual([
      { key: 'c1', label: [{ lang: 'pl', text: 'Jakość' }], maxPoints: 10 },
    ]);
  });

  it('gives fresh keys, sends only changed languages, and moves items', () => {
    expect(nextKey('q', [{ key: 'q2' }, { key: 'q3' }])).toBe('q4');
    expect(nextKey('q', [{ key: 'q1' }])).toBe('q2');
    expect(
      changedTexts({ pl: 'a', uk: 'b', be: '', ru: '' }, { pl: 'a', uk: 'x', be: '', ru: '' }),
    ).toEqual([{ lang: 'uk', text: 'b' }]);
    expect(moved([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moved([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
  });
});
