import { BadRequestException, type ValidationError, ValidationPipe } from '@nestjs/common';

/**
 * Global body/query validation: unknown fields are rejected, payloads become DTO instances, and
 * every message names its field (nested fields as `parent.child`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadRequestException({ message: flatten(errors), code: 'INVALID_INPUT' }),
  });
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  const out: string[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator starts messages with the bare property name; show the full path instead.
      out.push(parent && message.startsWith(error.property) ? `${parent}.${message}` : message);
    }
    if (error.children?.length) out.push(...flatten(error.children, path));
  }
  if (out.length === 0 && errors.length > 0) out.push('request body must be a JSON object');
  return out;
}
