import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/** A conditional write that found its condition false: someone else wrote first, or the item is absent. */
export function conditionFailed(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as Error).name === 'ConditionalCheckFailedException'
  );
}
