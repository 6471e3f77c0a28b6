export { type RuntimeConfig, RuntimeConfigSchema, readRuntimeConfig } from './config.ts';
export { createServices, logger, type Services, services } from './services.ts';
