import { silentLogger } from '@shelfmark/events';
import { createRouterErrorFormatter } from './formatError';

describe('the router error boundary', () => {
  const production = createRouterErrorFormatter(silentLogger, true);
  const development = createRouterErrorFormatter(silentLogger, false);

  it('keeps a subgraph domain error with its code and message, dropping stack traces', () => {
    const error = {
      message: 'A book with ISBN 9780441172719 is already in the catalogue.',
      path: ['addBook'],
      extensions: { code: 'ALREADY_EXISTS', serviceName: 'catalogue', field: 'isbn', stacktrace: ['at x'] },
    };
    expect(production(error)).toEqual({
      message: error.message,
      path: ['addBook'],
      extensions: { code: 'ALREADY_EXISTS', serviceName: 'catalogue', field: 'isbn' },
    });
  });

  it('turns an unreachable subgraph into SERVICE_UNAVAILABLE naming it', () => {
    const error = {
      message: 'request to http://127.0.0.1:4005/graphql failed, reason: connect ECONNREFUSED 127.0.0.1:4005',
      path: ['book', 'comments'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'comments' },
    };
    expect(production(error)).toEqual({
      message: 'The comments service is not answering right now. Please try again shortly.',
      path: ['book', 'comments'],
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'comments' },
    });
  });

  it('masks unexpected errors in production but not in development', () => {
    const error = {
      message: 'TypeError: cannot read x of undefined',
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'loans' },
    };
    expect(production(error)).toEqual({
      message: 'Something went wrong on our side. It has been logged; please try again.',
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'loans' },
    });
    expect(development(error)).toBe(error);
    const noCode = { message: 'Unexpected thing' };
    expect(production(noCode).extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
  });

  it('says what to change when graphql-js gives up validating an operation', () => {
    const aborted = { message: 'Validation aborted.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(production(aborted)).toEqual({
      message: expect.stringMatching(/fewer fields, aliases or fragment spreads/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const other = { message: 'Cannot query field "x" on type "Query".', extensions: aborted.extensions };
    expect(production(other)).toEqual(other);
  });
});
