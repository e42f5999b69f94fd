import { logLevel } from 'kafkajs';
import { kafkaLogCreator } from '../src/kafka/kafkaLogCreator';
import { RecordingLogger } from './kafka/kafkaTestBus';

/** KafkaJS's log through ours: a healthy process stays quiet, a failure keeps its level. */
describe('kafkaLogCreator', () => {
  function logged(namespace: string, level: logLevel, message: string, details: object = {}) {
    const logger = new RecordingLogger();
    kafkaLogCreator(logger)(logLevel.DEBUG)({
      namespace,
      level,
      label: logLevel[level],
      log: { timestamp: '2026-11-30T16:00:00.000Z', logger: 'kafkajs', message, ...details },
    });
    return logger.lines;
  }

  it("keeps a client's own errors at error, with KafkaJS's details", () => {
    expect(
      logged('Consumer', logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded', { groupId: 'g' }),
    ).toEqual([
      {
        level: 'error',
        msg: 'Crash: KafkaJSNumberOfRetriesExceeded',
        obj: { kafkajs: 'Consumer', groupId: 'g' },
      },
    ]);
    expect(logged('Connection', logLevel.ERROR, 'Connection error: connect ECONNREFUSED')).toEqual([
      expect.objectContaining({ level: 'error' }),
    ]);
  });

  it("logs the connection's echo of an error answer at debug: its client retries it or fails on its own", () => {
    const message = 'Response GroupCoordinator(key: 10, version: 2)';
    expect(
      logged('Connection', logLevel.ERROR, message, { error: 'The group coordinator is not available' }),
    ).toEqual([
      {
        level: 'debug',
        msg: message,
        obj: { kafkajs: 'Connection', error: 'The group coordinator is not available' },
      },
    ]);
  });

  it('logs lifecycle at debug and keeps unexpected warnings', () => {
    expect(logged('Consumer', logLevel.INFO, 'Starting')).toEqual([
      expect.objectContaining({ level: 'debug' }),
    ]);
    expect(logged('Producer', logLevel.WARN, 'Limiting retries for the idempotent producer to 3')).toEqual([
      expect.objectContaining({ level: 'debug' }),
    ]);
    expect(logged('Consumer', logLevel.WARN, 'The group is rebalancing')).toEqual([
      expect.objectContaining({ level: 'warn' }),
    ]);
  });
});
