import { aBookAdded } from '../support/builders';
import { aKafkaBus, RecordingLogger } from './kafkaTestBus';

/**
 * What an operator sees when processes start against a broker: a healthy start logs no error.
 * KafkaJS answers "topic already exists" (and a coordinator still loading, …) with an error on its
 * connection before its client takes it in stride; that echo is kept, at debug level.
 */
describe('KafkaEventBus: the log of a healthy start', () => {
  it('logs no error when a second process finds its topics already created', async () => {
    const first = aKafkaBus();
    const logger = new RecordingLogger();
    const second = aKafkaBus({ logger });
    try {
      await first.publish([aBookAdded()]);
      // The second bus does not know the topic yet: it asks the broker to create it, which answers
      // TOPIC_ALREADY_EXISTS, and publishes.
      await second.publish([aBookAdded()]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }

    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'debug',
        msg: expect.stringMatching(/^Response CreateTopics/),
        obj: expect.objectContaining({ kafkajs: 'Connection', error: 'Topic creation errors' }),
      }),
    );
  });
});
