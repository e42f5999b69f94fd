import { MemoryDeadLetterSink } from '../../src';
import { busContract } from '../busContract';
import { aKafkaBus } from './kafkaTestBus';

busContract(
  'KafkaEventBus',
  async () => {
    const deadLetters = new MemoryDeadLetterSink();
    const bus = aKafkaBus({ deadLetters });
    await bus.connect();
    return { bus, deadLetters };
  },
  { waitMs: 20_000 },
);
