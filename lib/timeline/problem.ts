/** RFC 9457 problem details, the one error shape of the public API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  invalidParams?: Array<{ name: string; reason: string }>;
}

export const PROBLEM_TYPE = 'application/problem+json';

export function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_TYPE, 'cache-control': 'no-store' },
  });
}

export function invalidParams(params: Array<{ name: string; reason: string }>): Response {
  return problemResponse({
    type: 'https://dateline.dev/problems/invalid-parameter',
    title: 'Invalid query parameter',
    status: 400,
    detail: params.map(({ name, reason }) => `${name}: ${reason}`).join('; '),
    invalidParams: params,
  });
}
