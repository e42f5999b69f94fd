import pino from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Structured JSON logs (pino); one child per subgraph/component names where a line came from. */
export function createLogger(level: LogLevel, name = 'shelfmark'): pino.Logger {
  return pino({ name, level, redact: ['req.headers.authorization', '*.password', '*.passwordHash'] });
}
