import { DynamoArticleLedger } from '../../lib/store/index.ts';
import { MemoryLedger } from '../support/memory-queue.ts';
import { describeLedgerContract } from './ledger.contract.ts';
import { dynamoTargets } from './targets.ts';

describeLedgerContract('in memory', async () => new MemoryLedger());

for (const [name, make] of dynamoTargets(
  (client, table, invalid) => new DynamoArticleLedger(client, table, invalid),
))
  describeLedgerContract(name, make);
