export { type RuntimeConfig, RuntimeConfigSchema, readRuntimeConfig } from './config.ts';
export { createServices, logger, metrics, type Services, services } from './services.ts';
