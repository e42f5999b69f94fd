import pino from 'pino';
import { redactingOptions } from './redaction';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * Structured JSON logs (pino); one child per subgraph/component names where a line came from.
 * No line carries a token, password, password hash or e-mail address (redaction.ts). `destination`
 * defaults to standard output; tests pass their own to read every line.
 */
export function createLogger(
  level: LogLevel,
  name = 'shelfmark',
  destination?: pino.DestinationStream,
): pino.Logger {
  const options: pino.LoggerOptions = { name, level, ...redactingOptions() };
  return destination ? pino(options, destination) : pino(options);
}
