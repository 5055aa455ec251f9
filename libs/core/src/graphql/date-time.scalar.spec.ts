import { buildSchema, graphqlSync, GraphQLScalarType, parse, validate } from 'graphql';
import { DATE_TIME_CONSTRAINT, dateTimeProblem, DateTimeScalar } from './date-time.scalar';

/** A small schema whose DateTime is the strict scalar. */
function schema() {
  const built = buildSchema(`
    scalar DateTime
    input Window { opensAt: DateTime!, slots: [DateTime!] }
    type Query { echo(input: Window!): DateTime, at(when: DateTime!): DateTime }`);
  const scalar = built.getType('DateTime') as GraphQLScalarType;
  Object.assign(scalar, {
    serialize: DateTimeScalar.serialize,
    parseValue: DateTimeScalar.parseValue,
    parseLiteral: DateTimeScalar.parseLiteral,
  });
  return built;
}

describe('DateTime (strict)', () => {
  it('takes an offset or Z and gives UTC', () => {
    expect(DateTimeScalar.parseValue('2026-12-01T09:00:00+01:00')).toEqual(
      new Date('2026-12-01T08:00:00Z'),
    );
    expect(DateTimeScalar.parseValue('2026-12-01T08:00:00.250Z')).toEqual(
      new Date('2026-12-01T08:00:00.250Z'),
    );
    expect(DateTimeScalar.serialize(new Date('2026-12-01T08:00:00Z'))).toBe(
      '2026-12-01T08:00:00.000Z',
    );
  });

  it('refuses a time without an offset, a date alone, nonsense and numbers', () => {
    for (const value of ['2026-12-01T09:00:00', '2026-12-01', '2026-13-45T09:00:00Z', 'soon', 5])
      expect(() => DateTimeScalar.parseValue(value)).toThrow(/offset/);
  });

  it('names the refused field of a variable and of a literal, relative to the argument', () => {
    const s = schema();
    const run = (source: string, variables?: Record<string, unknown>) =>
      graphqlSync({ schema: s, source, variableValues: variables }).errors![0];
    const variable = run('query($i: Window!) { echo(input: $i) }', {
      i: { opensAt: '2026-12-01T08:00:00Z', slots: ['2026-12-01T08:00:00Z', '2026-12-02T08:00'] },
    });
    expect(dateTimeProblem(variable)).toEqual({
      field: 'slots.1',
      constraint: DATE_TIME_CONSTRAINT,
    });
    const whole = run('query($w: DateTime!) { at(when: $w) }', { w: '2026-12-01T08:00' });
    expect(dateTimeProblem(whole)).toEqual({ field: 'w', constraint: DATE_TIME_CONSTRAINT });
    const [literal] = validate(s, parse('{ echo(input: { opensAt: "2026-12-01T08:00" }) }'));
    expect(dateTimeProblem(literal)).toEqual({
      field: 'opensAt',
      constraint: DATE_TIME_CONSTRAINT,
    });
    const [argument] = validate(s, parse('{ at(when: "2026-12-01") }'));
    expect(dateTimeProblem(argument)).toEqual({ field: 'when', constraint: DATE_TIME_CONSTRAINT });
    expect(dateTimeProblem(new Error('other'))).toBeUndefined();
  });
});
