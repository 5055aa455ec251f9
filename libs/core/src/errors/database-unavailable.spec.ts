import { MongoNetworkError, MongoNotConnectedError, MongoServerError } from 'mongodb';
import { isDatabaseUnavailable } from './graphql-exception.filter';

describe('isDatabaseUnavailable', () => {
  it('is true for a database that does not answer', () => {
    expect(isDatabaseUnavailable(new MongoNetworkError('connection 4 to 127.0.0.1 closed'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new MongoNotConnectedError('not connected'))).toBe(true);
    // shutting down, or a driver error whose cause was the lost connection
    expect(
      isDatabaseUnavailable(new MongoServerError({ message: 'shutdown in progress', code: 91 })),
    ).toBe(true);
    const wrapped = new Error('write failed', { cause: new MongoNetworkError('closed') });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it('is false for a refused write and for other errors', () => {
    expect(
      isDatabaseUnavailable(new MongoServerError({ message: 'E11000 duplicate key', code: 11000 })),
    ).toBe(false);
    expect(isDatabaseUnavailable(new Error('connection closed'))).toBe(false);
    expect(isDatabaseUnavailable('MongoNetworkError')).toBe(false);
  });
});
