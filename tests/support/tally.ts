import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** A DynamoDB client that tallies, per command, the items the table answered with. */
export function tallyingClient() {
  const items: Record<string, number> = {};
  const client = new DynamoDBClient({});
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const output = result.output as { Items?: unknown[]; Responses?: Record<string, unknown[]> };
      const input = args.input as { IndexName?: string };
      const name = `${context.commandName}${input.IndexName ? `:${input.IndexName}` : ''}`;
      const answered = output.Items?.length ?? Object.values(output.Responses ?? {}).flat().length;
      items[name] = (items[name] ?? 0) + answered;
      return result;
    },
    { step: 'initialize', name: 'tally' },
  );
  return { client, items };
}
