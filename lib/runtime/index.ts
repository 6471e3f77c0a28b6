export { oncePerEnvironment, perEnvironment } from './cold-start.ts';
export { type RuntimeConfig, RuntimeConfigSchema, readRuntimeConfig } from './config.ts';
export { loadCursorSecret, type SecretReader } from './secrets.ts';
export { baseServices, dynamoClient, logger, type MetricsSink, required, sqsClient } from './services.ts';
