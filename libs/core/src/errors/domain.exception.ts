import { ErrorCode } from './error-code';

export type ErrorParams = Record<string, string | number | boolean | undefined>;

export interface FieldProblem {
  field: string;
  /** A stable code per problem, e.g. `maxLength`, `isEmail`. */
  constraint: string;
  /** The limit of the rule, for the message (`maxLength` → 80); not sent as a field. */
  limit?: number | string | boolean;
  /** The values allowed (`isIn`, `isEnum`), for the message. */
  allowed?: string[];
  /** A message of its own for a rule (`@Matches(re, { context: { hint: 'username' } })`). */
  hint?: string;
}

/**
 * The one exception services throw. It carries a stable code and interpolation parameters; the
 * message is written in the caller's language at the edge (see GraphqlExceptionFilter).
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(code);
    this.name = 'DomainException';
  }
}
