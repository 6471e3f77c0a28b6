import { createRoute } from '@hono/zod-openapi';
import type * as z from 'zod';
import { PROBLEM_TYPE, ProblemSchema } from '../timeline/index.ts';
import {
  CorrectionLogSchema,
  EditResultSchema,
  HideBodySchema,
  MergeBodySchema,
  SetBodySchema,
  SplitBodySchema,
  UndoBodySchema,
} from './schema.ts';

/** Every admin path starts here: a path the public app could never mistake for one of its own. */
export const ADMIN_PREFIX = '/admin';

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_TYPE]: { schema: ProblemSchema } },
});
const refused = {
  400: problem('The body is not JSON or not this verb’s shape; each field at fault is named'),
  401: problem(
    'No credential: locally a bearer token, in AWS a SigV4 signature (checked by the function URL)',
  ),
  403: problem('A credential that is not the admin token'),
};

/** One verb: a POST of its body that stores one correction and answers it with the events it settled. */
function verbRoute<S extends z.ZodType>(verb: string, summary: string, body: S) {
  return createRoute({
    method: 'post',
    path: `${ADMIN_PREFIX}/${verb}`,
    summary,
    description: `Stores a \`${verb}\` correction (append-only) and settles the events it touches, as \`npm run edit -- ${verb}\` does.`,
    request: { body: { required: true, content: { 'application/json': { schema: body } } } },
    responses: {
      201: {
        description: 'The correction as stored, and the events it settled',
        content: { 'application/json': { schema: EditResultSchema } },
      },
      ...refused,
      422: problem(
        'No such event, source or correction, or a request the verb cannot honour: nothing stored',
      ),
    },
  });
}

export const mergeRoute = verbRoute('merge', 'Join events into one', MergeBodySchema);
export const splitRoute = verbRoute('split', 'Split sources out of an event', SplitBodySchema);
export const hideRoute = verbRoute('hide', 'Mark an event as not an event', HideBodySchema);
export const setRoute = verbRoute('set', "Set an event's date or summary", SetBodySchema);
export const undoRoute = verbRoute('undo', 'Withdraw a correction', UndoBodySchema);

export const logRoute = createRoute({
  method: 'get',
  path: `${ADMIN_PREFIX}/log`,
  summary: 'The audit log',
  description:
    'Every correction and undo with who, when and why, oldest first. Read-only: the API has no route that edits or deletes a logged correction (an undo is a new entry).',
  responses: {
    200: { description: 'The log', content: { 'application/json': { schema: CorrectionLogSchema } } },
    401: refused[401],
    403: refused[403],
  },
});
