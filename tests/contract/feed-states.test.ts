import { DynamoFeedStates } from '../../lib/store/index.ts';
import { MemoryFeedStates } from '../support/memory-feeds.ts';
import { describeFeedStatesContract } from './feed-states.contract.ts';
import { dynamoTargets } from './targets.ts';

describeFeedStatesContract('in memory', async () => new MemoryFeedStates());

for (const [name, make] of dynamoTargets(
  (client, table, invalid) => new DynamoFeedStates(client, table, invalid),
))
  describeFeedStatesContract(name, make);
