import pino from 'pino';
import pretty from 'pino-pretty';
import { redactingOptions } from './redaction';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** How log lines are written: `pretty` for a person at a terminal, `json` for machines. */
export type LogFormat = 'pretty' | 'json';

/**
 * Readable lines (pino-pretty) only for a person watching a terminal: standard output is a TTY and
 * the process is not in production. Anything else — a pipe, a file, a container's log collector,
 * and production always — gets one JSON object a line, which log tools parse.
 */
export function logFormat(output: { readonly isTTY?: boolean | undefined }, production: boolean): LogFormat {
  return output.isTTY === true && !production ? 'pretty' : 'json';
}

export interface LoggerOptions {
  /** Production always logs JSON, even to a terminal. Default false. */
  readonly production?: boolean;
}

/**
 * Structured logs (pino); one child per subgraph/component names where a line came from. JSON,
 * or readable lines in a terminal outside production ({@link logFormat}). No line carries a
 * token, password, password hash or e-mail address (redaction.ts), whichever the format.
 * `destination` defaults to standard output; tests pass their own to read every (JSON) line.
 */
export function createLogger(
  level: LogLevel,
  name = 'shelfmark',
  destination?: pino.DestinationStream,
  { production = false }: LoggerOptions = {},
): pino.Logger {
  const options: pino.LoggerOptions = { name, level, ...redactingOptions() };
  if (destination) return pino(options, destination);
  if (logFormat(process.stdout, production) === 'pretty') {
    // Written synchronously: a terminal is slow anyway, and no line is lost when the process exits.
    return pino(
      options,
      pretty({
        colorize: true,
        singleLine: true,
        sync: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname',
      }),
    );
  }
  return pino(options);
}
