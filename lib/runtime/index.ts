export { type RuntimeConfig, RuntimeConfigSchema, readRuntimeConfig } from './config.ts';
export { loadCursorSecret, type SecretReader } from './secrets.ts';
export { createServices, logger, type Services, services } from './services.ts';
