import { GraphQLISODateTime } from '@nestjs/graphql';
import {
  ASTNode,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLScalarType,
  Kind,
  parse as parseDocument,
  ValueNode,
} from 'graphql';
import type { TFunction } from 'i18next';
import type { FieldProblem } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { ISO_WITH_OFFSET } from '../time/warsaw-time';

/** The constraint named in `extensions.fields` when a DateTime input is refused. */
export const DATE_TIME_CONSTRAINT = 'isoDateTimeWithOffset';

/** A DateTime input that is not ISO-8601 with an offset or `Z`; see `dateTimeProblem`. */
export class DateTimeRefusal extends GraphQLError {
  /** `node`: the literal refused (graphql-js reports a literal's GraphQLError as it is). */
  constructor(node?: ValueNode) {
    super('DateTime must be ISO-8601 with an offset or Z, e.g. 2026-12-01T09:00:00+01:00', {
      nodes: node,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
}

function parseStrict(value: unknown, node?: ValueNode): Date {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) throw new DateTimeRefusal(node);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new DateTimeRefusal(node);
  return date;
}

function serialize(value: unknown): string {
  const date = value instanceof Date ? value : new Date(value as string | number);
  if (Number.isNaN(date.getTime()))
    throw new GraphQLError('DateTime cannot represent an invalid date');
  return date.toISOString();
}

/**
 * The one `DateTime` of the schema: output is ISO-8601 in UTC; input must carry an offset or `Z`
 * (Nest's own scalar reads `2026-12-01T09:00:00` as the server's local time, so a deadline would
 * depend on where the server runs). Nest's `GraphQLISODateTime` object is made strict in place:
 * every `Date` field and every explicit `() => GraphQLISODateTime` is this same object, so the
 * schema keeps one scalar named `DateTime`.
 */
export const DateTimeScalar: GraphQLScalarType = Object.assign(GraphQLISODateTime, {
  description:
    'An instant, ISO-8601. Output in UTC (…Z); input must carry an offset or Z, e.g. 2026-12-01T09:00:00+01:00.',
  serialize,
  parseValue: (value: unknown) => parseStrict(value),
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw new DateTimeRefusal(ast);
    return parseStrict(ast.value, ast);
  },
});

function isRefusal(error: unknown): boolean {
  let current = error as { originalError?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof DateTimeRefusal) return true;
    current = current.originalError as typeof current;
  }
  return false;
}

/** `.form[0].opensAt` → `form.0.opensAt` (the field names of class-validator's problems). */
function dotted(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '')
    .trim();
}

/** Where a literal value sits in its argument: `opensAt`, `form.0.x`; the argument's name at top. */
function literalPath(source: string, target: ASTNode): string | undefined {
  const start = target.loc?.start;
  if (start === undefined) return undefined;
  const find = (node: ValueNode, path: string[]): string[] | undefined => {
    if (node.loc?.start === start && node.kind === target.kind) return path;
    if (node.kind === Kind.OBJECT)
      for (const f of node.fields) {
        const found = find(f.value, [...path, f.name.value]);
        if (found) return found;
      }
    if (node.kind === Kind.LIST)
      for (const [i, v] of node.values.entries()) {
        const found = find(v, [...path, String(i)]);
        if (found) return found;
      }
    return undefined;
  };
  let result: string | undefined;
  const visitNode = (node: unknown): void => {
    if (result || !node || typeof node !== 'object') return;
    const n = node as { kind?: string; name?: { value: string }; value?: ValueNode };
    if (n.kind === Kind.ARGUMENT && n.value) {
      const path = find(n.value, []);
      if (path) result = path.length > 0 ? path.join('.') : n.name!.value;
      return;
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visitNode);
      else if (value && typeof value === 'object' && 'kind' in value) visitNode(value);
    }
  };
  try {
    visitNode(parseDocument(source, { noLocation: false }));
  } catch {
    return undefined;
  }
  return result;
}

/**
 * The field problem of a refused DateTime, from the error graphql-js wraps around the scalar's
 * refusal: for a variable its message names the path (`Variable "$i" got invalid value … at
 * "i.opensAt"`), for a literal its node is found in the document. The field is relative to the
 * argument, as class-validator's are (`opensAt`, not `input.opensAt`). Undefined for other errors.
 */
export function dateTimeProblem(error: unknown): FieldProblem | undefined {
  if (!isRefusal(error)) return undefined;
  const e = error as GraphQLError;
  const variable = /^Variable "\$(\w+)" got invalid value /.exec(e.message ?? '');
  if (variable) {
    const name = variable[1];
    const at = new RegExp(`at "${name}((?:\\.[_A-Za-z]\\w*|\\[\\d+\\])*)"; `).exec(e.message);
    const path = at ? dotted(at[1]) : '';
    return { field: path || name, constraint: DATE_TIME_CONSTRAINT };
  }
  const node = e.nodes?.[0];
  const body = e.source?.body;
  const field = node && body ? literalPath(body, node) : undefined;
  return { field: field ?? 'input', constraint: DATE_TIME_CONSTRAINT };
}

/**
 * A refused DateTime as every other invalid input: BAD_USER_INPUT in the request's language with
 * `extensions.fields`. Undefined for any other error (formatGraphqlError handles those).
 */
export function formatDateTimeRefusal(
  formatted: GraphQLFormattedError,
  error: unknown,
  t: TFunction,
): GraphQLFormattedError | undefined {
  const problem = dateTimeProblem(error);
  if (!problem) return undefined;
  return {
    message: t(`errors:${ErrorCode.BAD_USER_INPUT}`),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [problem], detail: formatted.message },
  };
}
