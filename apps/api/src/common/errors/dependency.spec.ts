import { DependencyUnavailableError, unavailableDependency } from './dependency';

describe('unavailableDependency', () => {
  const netError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: 'connect' });

  it('reads pool connect failures and dropped connections as the database', () => {
    expect(unavailableDependency(netError('ECONNREFUSED'))).toBe('database');
    expect(unavailableDependency(netError('ECONNRESET'))).toBe('database');
    // TypeORM's QueryFailedError around node-postgres' "Connection terminated unexpectedly".
    expect(
      unavailableDependency({
        message: 'Connection terminated unexpectedly',
        driverError: new Error('Connection terminated unexpectedly'),
      }),
    ).toBe('database');
    expect(unavailableDependency(new Error('timeout exceeded when trying to connect'))).toBe('database');
    expect(unavailableDependency(new AggregateError([netError('ECONNREFUSED')]))).toBe('database');
  });

  it('reads the server going away (SQLSTATE 57P01, class 08, 53300) as the database', () => {
    for (const code of ['57P01', '57P03', '08006', '08001', '53300']) {
      expect(unavailableDependency({ message: 'x', driverError: { code, message: 'terminating connection' } })).toBe('database');
    }
  });

  it('leaves statement errors and bugs alone', () => {
    // 22021 invalid byte sequence (a NUL byte), 23505 unique violation, 22P02 invalid uuid: the request's fault.
    for (const code of ['22021', '23505', '22P02', '42P01']) {
      expect(unavailableDependency({ message: 'x', driverError: { code, message: 'x' } })).toBeNull();
    }
    expect(unavailableDependency(new TypeError('x is undefined'))).toBeNull();
    expect(unavailableDependency(null)).toBeNull();
    expect(unavailableDependency('ECONNREFUSED')).toBeNull();
  });

  it('trusts a call site that names its dependency', () => {
    expect(unavailableDependency(new DependencyUnavailableError('queue', 'Redis did not answer'))).toBe('queue');
  });
});
