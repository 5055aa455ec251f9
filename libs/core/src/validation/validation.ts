import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { DomainException, FieldProblem } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';

/** The arguments a decorator was given (`@MaxLength(80)` → [80]), read from class-validator. */
function constraintArgs(target: object | undefined, property: string, name: string): unknown[] {
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && m.name === name);
  return metadata?.constraints ?? [];
}

/** `required` for no value, `notEmpty` for an empty text; undefined when a value is there. */
function missing(value: unknown): 'required' | 'notEmpty' | undefined {
  if (value === undefined || value === null) return 'required';
  if (typeof value === 'string' && value.trim() === '') return 'notEmpty';
  return undefined;
}

/** One problem per broken rule, with the limit a person needs to fix it (`maxLength` → 80). */
function problem(e: ValidationError, field: string, constraint: string): FieldProblem {
  const args = constraintArgs(e.target, e.property, constraint);
  const hint = (e.contexts?.[constraint] as { hint?: unknown } | undefined)?.hint;
  const found: FieldProblem = { field, constraint };
  if (typeof hint === 'string') found.hint = hint;
  const [first] = args;
  if (constraint === 'isIn' && Array.isArray(first)) found.allowed = first.map(String);
  else if (constraint === 'isEnum' && first && typeof first === 'object')
    found.allowed = Object.values(first as Record<string, unknown>).map(String);
  else if (typeof first === 'number' || typeof first === 'boolean' || typeof first === 'string')
    found.limit = first;
  return found;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const names = Object.keys(e.constraints ?? {});
    // A missing value is missing, whatever rules it also fails (`maxLength` on nothing).
    const absent = names.includes('whitelistValidation') ? undefined : missing(e.value);
    const own =
      names.length > 0 && absent
        ? [{ field, constraint: absent }]
        : names.map((constraint) => problem(e, field, constraint));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * class-validator on every argument: unknown properties are an error, and the client gets
 * BAD_USER_INPUT with each bad field and the rule it broke (stable names, e.g. `maxLength`,
 * `required` for a missing value); the message says in words what is wrong and the limit
 * (see field-messages.ts). Values never leave this pipe.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    // target and value are read here to find limits and missing values, never sent anywhere
    validationError: { target: true, value: true },
    exceptionFactory: (errors) =>
      new DomainException(ErrorCode.BAD_USER_INPUT, {}, flatten(errors)),
  });
}
