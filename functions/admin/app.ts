import { type Authorize, createAdminApp } from '../../lib/admin/index.ts';
import { adminServices } from './services.ts';

/**
 * The admin app wired to DynamoDB, with the credential check of where it runs: the function URL's
 * IAM caller in AWS (handler.ts), the bearer token locally (infra/local/admin-server.ts).
 */
export function adminApp(authorize: Authorize) {
  const { store, logger } = adminServices();
  return createAdminApp({ store, authorize, log: logger });
}
