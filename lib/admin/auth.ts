import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

/** Who may edit: the caller as the credential names it, or why not (401: none given, 403: not ours). */
export type AuthOutcome = { ok: true; caller: string } | { ok: false; status: 401 | 403 };
/** Decides on a request before any route runs: the admin app itself never trusts an unchecked caller. */
export type Authorize = (c: Context) => AuthOutcome;

/** Shorter tokens are refused at start-up: a guessable token is no lock. */
export const MIN_TOKEN_LENGTH = 16;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * The local check: `Authorization: Bearer <token>` against the token from the environment. Both are
 * hashed first, so the comparison is constant-time whatever the lengths, and the time it takes says
 * nothing about how much of a guess was right.
 */
export function bearerToken(token: string | undefined): Authorize {
  if (!token || token.length < MIN_TOKEN_LENGTH)
    throw new Error(`the admin API needs a token of at least ${MIN_TOKEN_LENGTH} characters`);
  const expected = digest(token);
  return (c) => {
    const match = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '');
    if (!match) return { ok: false, status: 401 };
    return timingSafeEqual(digest(match[1] as string), expected)
      ? { ok: true, caller: 'local token' }
      : { ok: false, status: 403 };
  };
}

type IamEnv = { requestContext?: { authorizer?: { iam?: { userArn?: string } } } } | undefined;

/**
 * The AWS check: the function URL's AWS_IAM auth has verified the SigV4 signature and the caller's
 * lambda:InvokeFunctionUrl permission before the function runs, and names the caller in the request
 * context. A request without it (the URL's auth type changed, a direct invoke) is refused anyway.
 */
export const iamCaller: Authorize = (c) => {
  const arn = (c.env as IamEnv)?.requestContext?.authorizer?.iam?.userArn;
  return arn ? { ok: true, caller: arn } : { ok: false, status: 401 };
};
