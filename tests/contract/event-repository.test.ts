import { DynamoEventStore } from '../../lib/store/index.ts';
import { MemoryEvents } from '../support/memory-events.ts';
import { describeEventRepositoryContract } from './event-repository.contract.ts';
import { dynamoTargets } from './targets.ts';

describeEventRepositoryContract('in memory', async () => new MemoryEvents());

for (const [name, make] of dynamoTargets(
  (client, table, invalid) => new DynamoEventStore(client, table, invalid),
))
  describeEventRepositoryContract(name, make);
