import { checkFormValues, FormField, FormFieldType, formDefinitionProblems } from './form';

const label = { pl: 'Pytanie' };
const form: FormField[] = [
  { key: 'name', type: FormFieldType.short_text, label, required: true, maxLength: 20 },
  {
    key: 'why',
    type: FormFieldType.long_text,
    label,
    required: true,
    minLength: 10,
    maxLength: 50,
  },
  {
    key: 'size',
    type: FormFieldType.single_choice,
    label,
    required: false,
    options: [
      { key: 'small', label },
      { key: 'large', label },
    ],
  },
  { key: 'people', type: FormFieldType.number, label, required: false, min: 0, max: 500 },
  { key: 'since', type: FormFieldType.date, label, required: false },
  { key: 'accessible', type: FormFieldType.yes_no, label, required: true },
];

describe('call forms', () => {
  it('accepts a complete submission and keeps only the answers given', () => {
    const result = checkFormValues(
      form,
      [
        { key: 'name', text: 'Filia 7' },
        { key: 'why', text: 'Bo sąsiedzi tego chcą.' },
        { key: 'size', choice: 'small' },
        { key: 'people', number: 120 },
        { key: 'since', date: '2024-02-29' },
        { key: 'accessible', yesNo: false },
      ],
      'submission',
    );
    expect(result.problems).toEqual([]);
    expect(result.values).toHaveLength(6);
  });

  it('lets a draft leave required answers out, but not a submission', () => {
    const values = [
      { key: 'name', text: 'Filia 7' },
      { key: 'why', text: '   ' },
    ];
    expect(checkFormValues(form, values, 'draft')).toEqual({
      problems: [],
      values: [{ key: 'name', text: 'Filia 7' }],
    });
    expect(checkFormValues(form, values, 'submission').problems).toEqual([
      { field: 'values.why', constraint: 'required' },
      { field: 'values.accessible', constraint: 'required' },
    ]);
  });

  it('names the key and the rule of every wrong answer', () => {
    const { problems } = checkFormValues(
      form,
      [
        { key: 'name', text: 'x'.repeat(21) },
        { key: 'why', text: 'short' },
        { key: 'size', choice: 'medium' },
        { key: 'people', text: '120' },
        { key: 'since', date: '2025-02-29' },
        { key: 'accessible', yesNo: true, text: 'tak' },
        { key: 'budget', number: 5 },
        { key: 'name', text: 'again' },
      ],
      'draft',
    );
    expect(problems).toEqual([
      { field: 'values.name', constraint: 'maxLength' },
      { field: 'values.why', constraint: 'minLength' },
      { field: 'values.size', constraint: 'isIn' },
      { field: 'values.people', constraint: 'type' },
      { field: 'values.since', constraint: 'isDate' },
      { field: 'values.accessible', constraint: 'type' },
      { field: 'values.budget', constraint: 'unknownField' },
      { field: 'values.name', constraint: 'duplicate' },
    ]);
    expect(checkFormValues(form, [{ key: 'people', number: 501 }], 'draft').problems).toEqual([
      { field: 'values.people', constraint: 'max' },
    ]);
  });

  it('counts characters, not UTF-16 units (Cyrillic and emoji)', () => {
    const twenty = 'ї'.repeat(19) + '🙂';
    expect(checkFormValues(form, [{ key: 'name', text: twenty }], 'draft').problems).toEqual([]);
  });

  it('refuses inconsistent definitions', () => {
    expect(
      formDefinitionProblems([
        { key: 'a', type: FormFieldType.short_text, label, required: false, maxLength: 201 },
        { key: 'a', type: FormFieldType.number, label, required: false, min: 5, max: 1 },
        { key: 'c', type: FormFieldType.single_choice, label, required: false, options: [] },
        { key: 'd', type: FormFieldType.yes_no, label, required: false, maxLength: 3 },
      ]),
    ).toEqual([
      { field: 'form.0.maxLength', constraint: 'max' },
      { field: 'form.1.key', constraint: 'unique' },
      { field: 'form.1', constraint: 'minNotAboveMax' },
      { field: 'form.2.options', constraint: 'arrayMinSize' },
      { field: 'form.3', constraint: 'lengthOnlyForText' },
    ]);
  });
});
