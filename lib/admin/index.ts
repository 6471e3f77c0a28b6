export { type AdminAppDeps, createAdminApp } from './app.ts';
export { type AuthOutcome, type Authorize, bearerToken, iamCaller, MIN_TOKEN_LENGTH } from './auth.ts';
export { ADMIN_PREFIX } from './routes.ts';
export {
  CorrectionLogSchema,
  type EditedEvent,
  EditedEventSchema,
  type EditResult,
  EditResultSchema,
  editedEventOf,
} from './schema.ts';
