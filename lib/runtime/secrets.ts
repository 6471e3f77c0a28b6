import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { RuntimeConfig } from './config.ts';

/** What fetches a secret's value by its ARN (Secrets Manager through Powertools Parameters in AWS). */
export type SecretReader = (arn: string) => Promise<unknown>;

const fromSecretsManager: SecretReader = (arn) => getSecret(arn);

/**
 * The key that signs paging cursors. In AWS it is read from Secrets Manager once per cold start, so
 * it never sits in the function's configuration where anyone allowed `lambda:GetFunction` reads it.
 * Locally (`npm start`, tests) there is no Secrets Manager: `CURSOR_SECRET` or its local default
 * signs them. A Lambda function without `CURSOR_SECRET_ARN` refuses to start rather than sign with
 * the public default.
 */
export async function loadCursorSecret(
  config: Pick<RuntimeConfig, 'CURSOR_SECRET' | 'CURSOR_SECRET_ARN'>,
  read: SecretReader = fromSecretsManager,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (!config.CURSOR_SECRET_ARN) {
    if (env.AWS_LAMBDA_FUNCTION_NAME)
      throw new Error('CURSOR_SECRET_ARN is not set: a deployed function never signs with the local default');
    return config.CURSOR_SECRET;
  }
  const value = await read(config.CURSOR_SECRET_ARN);
  if (typeof value !== 'string' || value.length < 16)
    throw new Error(`secret ${config.CURSOR_SECRET_ARN} holds no string of at least 16 characters`);
  return value;
}
