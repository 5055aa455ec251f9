import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException, FieldProblem } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.keys(e.constraints ?? {}).map((constraint) => ({ field, constraint }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * class-validator on every argument: unknown properties are an error, and the client gets
 * BAD_USER_INPUT with each bad field and the rule it broke (stable names, e.g. `maxLength`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new DomainException(ErrorCode.BAD_USER_INPUT, {}, flatten(errors)),
  });
}
