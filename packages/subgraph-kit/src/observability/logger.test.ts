import { logFormat } from './logger';

describe('log format', () => {
  it('is readable (pino-pretty) for a person at a terminal outside production', () => {
    expect(logFormat({ isTTY: true }, false)).toBe('pretty');
  });

  it('is JSON in production, even in a terminal', () => {
    expect(logFormat({ isTTY: true }, true)).toBe('json');
  });

  it('is JSON when the output is a pipe or a file (no TTY), whatever the environment', () => {
    expect(logFormat({ isTTY: false }, false)).toBe('json');
    expect(logFormat({}, false)).toBe('json');
    expect(logFormat({ isTTY: undefined }, true)).toBe('json');
  });
});
