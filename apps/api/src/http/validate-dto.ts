import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { FieldProblem } from './validation-failed.error';
import { unsafeStructureProblems } from './unsafe-structure';

type DtoClass<T> = new () => T;

/**
 * Validates a plain value against a DTO the way every route does: unknown fields refused,
 * nested objects checked, every failure reported with its full path.
 */
export function validateDto<T extends object>(dto: DtoClass<T>, value: unknown, prefix: string): { value: T; problems: FieldProblem[] } {
  if (value === undefined || value === null) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { value: new dto(), problems: [{ field: prefix, code: 'NOT_AN_OBJECT', message: `${prefix} must be a JSON object` }] };
  }
  const unsafe = unsafeStructureProblems(value, prefix);
  if (unsafe.length > 0) return { value: new dto(), problems: unsafe };
  const instance = plainToInstance(dto, value, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return { value: instance, problems: errors.flatMap((e) => flatten(e, prefix)) };
}

function flatten(error: ValidationError, prefix: string): FieldProblem[] {
  const field = `${prefix}.${error.property}`;
  const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
    field,
    code: constraint === 'whitelistValidation' ? 'UNKNOWN_FIELD' : toCode(constraint),
    message: constraint === 'whitelistValidation' ? `${field} is not a known field` : message,
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}

const toCode = (constraint: string): string => constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
