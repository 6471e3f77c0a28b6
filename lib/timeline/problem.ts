import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod';

const InvalidParamSchema = z.object({
  name: z.string().meta({ description: 'The query or path parameter at fault.' }),
  reason: z.string(),
});
export type InvalidParam = z.infer<typeof InvalidParamSchema>;

/** RFC 9457 problem details, the one error shape of the public API. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    invalidParams: z.array(InvalidParamSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_TYPE = 'application/problem+json';

export function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_TYPE, 'cache-control': 'no-store' },
  });
}

export function invalidParams(params: InvalidParam[]): Response {
  return problemResponse({
    type: 'https://dateline.dev/problems/invalid-parameter',
    title: 'Invalid parameter',
    status: 400,
    detail: params.map(({ name, reason }) => `${name}: ${reason}`).join('; '),
    invalidParams: params,
  });
}

export function notFound(detail: string): Response {
  return problemResponse({ type: 'about:blank', title: 'Not Found', status: 404, detail });
}

/**
 * Thrown from a handler to answer with a problem: hono's HTTPException carrying the problem response,
 * so it keeps its `cause`, and the app's error handler sends `response`.
 */
export class ProblemError extends HTTPException {
  constructor(response: Response, options: { cause?: unknown } = {}) {
    super(response.status as ContentfulStatusCode, {
      res: response,
      message: `problem ${response.status}`,
      cause: options.cause,
    });
    this.name = 'ProblemError';
  }

  /** The problem response, as hono's getResponse() gives it. */
  get response(): Response {
    return this.getResponse();
  }
}

/**
 * The invalid parameters behind a failed validation of the `given` parameters, one entry per issue. A
 * parameter given twice is ambiguous, and is reported as that rather than as zod's type error.
 */
export function invalidParamsOf(error: z.ZodError, given: Record<string, unknown>): InvalidParam[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((name) => ({ name, reason: 'is not a parameter of this resource' }));
    const name = String(issue.path[0] ?? 'query');
    const value = Object.hasOwn(given, name) ? given[name] : undefined;
    const repeated = Array.isArray(value) && value.length > 1;
    return { name, reason: repeated ? 'must be given once' : issue.message };
  });
}
