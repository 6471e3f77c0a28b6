import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { adminApp } from '../../functions/admin/app.ts';
import { bearerToken } from '../../lib/admin/index.ts';

/** Loopback only: the admin API is never reachable from another machine, whatever the token. */
export const ADMIN_HOST = '127.0.0.1';
/** The environment variable holding the local admin token. */
export const ADMIN_TOKEN_ENV = 'DATELINE_ADMIN_TOKEN';

export interface AdminServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the admin API on 127.0.0.1 over the local stack's table (its environment names it). Throws
 * before listening when the token is missing or short: no admin API without a lock.
 */
export async function serveAdmin(options: { port: number; token: string | undefined }): Promise<AdminServer> {
  const app = adminApp(bearerToken(options.token));
  const server = serve({ fetch: app.fetch, port: options.port, hostname: ADMIN_HOST });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://${ADMIN_HOST}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
