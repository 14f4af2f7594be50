import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { toErrorBody } from './all-exceptions.filter';
import { DomainError, ErrorCode } from './domain-error';

describe('toErrorBody', () => {
  it('maps a DomainError code to its status and keeps the code', () => {
    expect(toErrorBody(new DomainError(ErrorCode.EmailTaken, 'taken'))).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'taken',
      code: 'EMAIL_TAKEN',
    });
  });

  it('flattens validation message arrays into one message plus details', () => {
    const body = toErrorBody(new BadRequestException({ message: ['a is bad', 'b is bad'], code: 'INVALID_INPUT' }));
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'a is bad; b is bad',
      details: ['a is bad', 'b is bad'],
      code: 'INVALID_INPUT',
    });
  });

  it('keeps Nest and throttler exceptions as their own status', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /x'))).toMatchObject({ statusCode: 404, message: 'Cannot GET /x' });
    expect(toErrorBody(new ThrottlerException())).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });

  it('hides unknown errors behind a generic 500', () => {
    const body = toErrorBody(new TypeError('secret internals at /srv/app.js:1'));
    expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
  });
});
