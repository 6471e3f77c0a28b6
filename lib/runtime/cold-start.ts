import { type RuntimeConfig, readRuntimeConfig } from './config.ts';

/**
 * A value built from the configuration on first use and kept: in Lambda once per cold start. The
 * local stack and the tests, which set the environment after importing a handler and change it between
 * runs, get it built again whenever the configuration or the endpoints change.
 */
export function perEnvironment<T>(build: (config: RuntimeConfig) => T): () => T {
  let built: { key: string; value: T } | undefined;
  return () => {
    const config = readRuntimeConfig();
    const key = JSON.stringify([
      config,
      process.env.AWS_ENDPOINT_URL_DYNAMODB,
      process.env.AWS_ENDPOINT_URL_SQS,
    ]);
    if (built?.key !== key) built = { key, value: build(config) };
    return built.value;
  };
}

/**
 * The Lambda handler of a handler factory, wired with the function's services on first use.
 *
 * @example export const handler = oncePerEnvironment((config) => makeSchedulerHandler(schedulerServices(config)));
 */
export function oncePerEnvironment<Args extends unknown[], Result>(
  build: (config: RuntimeConfig) => (...args: Args) => Result,
): (...args: Args) => Result {
  const handler = perEnvironment(build);
  return (...args) => handler()(...args);
}
