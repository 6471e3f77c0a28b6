import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, ValidationTargets } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { type CorrectionStore, EditError, type EditRequest, edit } from '../corrections/index.ts';
import type { Log } from '../log.ts';
import { invalidParams, notFound, problemResponse } from '../timeline/index.ts';
import type { Authorize } from './auth.ts';
import { ADMIN_PREFIX, hideRoute, logRoute, mergeRoute, setRoute, splitRoute, undoRoute } from './routes.ts';
import { type EditResult, editedEventOf } from './schema.ts';

export interface AdminAppDeps {
  /** The same store and the same `edit` the CLI uses: one implementation, two interfaces. */
  store: CorrectionStore;
  /** Runs before every route, the unknown ones included. */
  authorize: Authorize;
  log?: Log;
}

const API_INFO = {
  title: 'Dateline admin',
  version: '1.0.0',
  description:
    "Editors' corrections to the timeline (merge, split, hide, set, undo) and their audit log. Never served by the public timeline: locally on loopback with a bearer token, in AWS its own function behind an AWS_IAM (SigV4) function URL.",
};
/** A correction is a few ids and two sentences; anything larger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

type ValidationResult = { target: keyof ValidationTargets } & (
  | { success: true; data: unknown }
  | { success: false; error: ZodError }
);

/** A body that fails its schema answers 400 naming each field (`urls.1`), like the public API's parameters. */
function rejectInvalid(result: ValidationResult): Response | undefined {
  if (result.success) return undefined;
  return invalidParams(
    result.error.issues.map((issue) => ({
      name: issue.path.length ? issue.path.join('.') : 'body',
      reason: issue.message,
    })),
  );
}

const refusal = (status: 401 | 403) =>
  status === 401
    ? problemResponse({ type: 'about:blank', title: 'Unauthorized', status, detail: 'no credential' })
    : problemResponse({
        type: 'about:blank',
        title: 'Forbidden',
        status,
        detail: 'not the admin credential',
      });

/** The admin API: Web-standard Request/Response, storage and the credential check injected. */
export function createAdminApp({ store, authorize, log }: AdminAppDeps) {
  const app = new OpenAPIHono({ defaultHook: rejectInvalid });
  app.use(async (c, next) => {
    const outcome = authorize(c);
    if (!outcome.ok) {
      const refused = refusal(outcome.status);
      if (outcome.status === 401) refused.headers.set('www-authenticate', 'Bearer realm="dateline-admin"');
      return refused;
    }
    c.header('cache-control', 'no-store');
    await next();
    if (c.req.method === 'POST' && c.res.status === 201)
      log?.info('correction stored', { caller: outcome.caller, path: c.req.path });
  });
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => problemResponse({ type: 'about:blank', title: 'Content Too Large', status: 413 }),
    }),
  );

  const applied = async (c: Context, request: EditRequest) => {
    const { correction, settled } = await edit(store, request);
    const result: EditResult = { correction, events: settled.events.map(editedEventOf) };
    return c.json(result, 201);
  };
  app.openapi(mergeRoute, (c) => applied(c, { verb: 'merge', ...c.req.valid('json') }));
  app.openapi(splitRoute, (c) => applied(c, { verb: 'split', ...c.req.valid('json') }));
  app.openapi(hideRoute, (c) => applied(c, { verb: 'hide', ...c.req.valid('json') }));
  app.openapi(setRoute, (c) => applied(c, { verb: 'set', ...c.req.valid('json') }));
  app.openapi(undoRoute, (c) => applied(c, { verb: 'undo', ...c.req.valid('json') }));
  app.openapi(logRoute, async (c) => c.json({ corrections: await store.corrections() }, 200));

  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get(`${ADMIN_PREFIX}/openapi.json`, (c) => {
    document ??= app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: API_INFO,
      security: [{ bearer: [] }, { sigv4: [] }],
    });
    return c.json(document);
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Locally: the token in DATELINE_ADMIN_TOKEN.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sigv4', {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'In AWS: a SigV4 signature for service `lambda` (the function URL is AWS_IAM).',
  });

  // No PUT, PATCH or DELETE anywhere: the log is appended to by the verbs and never rewritten.
  app.notFound((c) => notFound(`no route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof EditError)
      return problemResponse({
        type: 'about:blank',
        title: 'Unprocessable',
        status: 422,
        detail: error.message,
      });
    // Hono's JSON validator throws 400 on a body that is not JSON.
    if (error instanceof HTTPException && error.status === 400)
      return invalidParams([{ name: 'body', reason: error.message }]);
    log?.error('admin request failed', { path: c.req.path, error });
    return problemResponse({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
  });
  return app;
}
