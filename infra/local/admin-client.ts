import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { ADMIN_PREFIX, type EditResult, EditResultSchema } from '../../lib/admin/index.ts';
import {
  type Correction,
  CorrectionSchema,
  EditError,
  type EditRequest,
} from '../../lib/corrections/index.ts';
import { ADMIN_TOKEN_ENV } from './admin-server.ts';

/** SHA-256 (and its HMAC) from node:crypto, in the shape the SigV4 signer asks for. */
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash('sha256');
    const key =
      typeof this.secret === 'string'
        ? this.secret
        : ArrayBuffer.isView(this.secret)
          ? new Uint8Array(this.secret.buffer, this.secret.byteOffset, this.secret.byteLength)
          : new Uint8Array(this.secret);
    return createHmac('sha256', key);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(
      typeof data === 'string'
        ? data
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data),
    );
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** A function URL's region is in its host (`<id>.lambda-url.<region>.on.aws`); else the environment's. */
function regionOf(url: URL, env: NodeJS.ProcessEnv): string {
  const region = /\.lambda-url\.([a-z0-9-]+)\.on\.aws$/.exec(url.hostname)?.[1] ?? env.AWS_REGION;
  if (!region) throw new Error('set AWS_REGION: the endpoint does not name its region');
  return region;
}

type Sign = (
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<Record<string, string>>;

/**
 * SigV4 for a function URL with AWS_IAM auth: service `lambda`, the credentials of the default chain
 * (environment, profile, SSO, instance role), the body's hash in x-amz-content-sha256.
 */
export function sigV4Signer(env: NodeJS.ProcessEnv = process.env, credentials = defaultProvider()): Sign {
  return async (url, { method, headers, body }) => {
    const signer = new SignatureV4({
      service: 'lambda',
      region: regionOf(url, env),
      credentials,
      sha256: NodeSha256,
    });
    const signed = await signer.sign({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...headers, host: url.host },
      body,
    });
    return signed.headers;
  };
}

/** How the CLI talks to an admin API: the local token when the environment has one, else SigV4. */
export function adminClient(endpoint: string, env: NodeJS.ProcessEnv = process.env, sign = sigV4Signer(env)) {
  const base = endpoint.replace(/\/+$/, '');
  const token = env[ADMIN_TOKEN_ENV];
  async function send(method: string, path: string, payload?: unknown): Promise<unknown> {
    const url = new URL(`${base}${path}`);
    const body = payload === undefined ? undefined : JSON.stringify(payload);
    const plain: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) plain['content-type'] = 'application/json';
    const headers = token
      ? { ...plain, authorization: `Bearer ${token}` }
      : await sign(url, { method, headers: plain, body });
    const response = await fetch(url, { method, headers, body });
    const answer = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
    if (response.ok) return answer;
    const reason = `${response.status} ${answer.title ?? response.statusText}${answer.detail ? `: ${answer.detail}` : ''}`;
    // The API refused the request itself (a bad target or field): a usage error, as locally.
    throw response.status === 400 || response.status === 422 ? new EditError(reason) : new Error(reason);
  }
  return {
    async edit(request: EditRequest): Promise<EditResult> {
      const { verb, ...body } = request;
      return EditResultSchema.parse(await send('POST', `${ADMIN_PREFIX}/${verb}`, body));
    },
    async log(): Promise<Correction[]> {
      const { corrections } = (await send('GET', `${ADMIN_PREFIX}/log`)) as { corrections: unknown[] };
      return corrections.map((c) => CorrectionSchema.parse(c));
    },
  };
}
