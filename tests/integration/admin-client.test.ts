import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, sigV4Signer } from '../../infra/local/admin-client.ts';
import { EditError } from '../../lib/corrections/index.ts';

const credentials = async () => ({
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
});
const seen: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders; body: string }> = [];
let status = 200;
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    seen.push({ method: req.method, url: req.url, headers: req.headers, body });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        status === 200 ? { corrections: [] } : { title: 'Unprocessable', detail: 'no event evt_1' },
      ),
    );
  });
});
let endpoint: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('the edit CLI as an admin API client', () => {
  it('without a token, signs each request with SigV4 for service lambda, the body hashed', async () => {
    const env = { AWS_REGION: 'eu-west-1' };
    const client = adminClient(endpoint, env, sigV4Signer(env, credentials));
    status = 422;
    await expect(client.edit({ verb: 'hide', event: 'evt_1', by: 'desk', why: 'a caption' })).rejects.toThrow(
      EditError,
    );
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/admin/hide' });
    expect(JSON.parse(request?.body as string)).toEqual({ event: 'evt_1', by: 'desk', why: 'a caption' });
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/lambda\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(request?.headers['x-amz-content-sha256']).toBe(
      createHash('sha256')
        .update(request?.body as string)
        .digest('hex'),
    );
    expect(request?.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('with DATELINE_ADMIN_TOKEN, sends it as a bearer token and signs nothing', async () => {
    status = 200;
    const client = adminClient(endpoint, { DATELINE_ADMIN_TOKEN: 'a-token-of-enough-length' }, async () => {
      throw new Error('must not sign');
    });
    expect(await client.log()).toEqual([]);
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer a-token-of-enough-length');
  });

  it("reads a function URL's region from its host", async () => {
    const sign = sigV4Signer({}, credentials);
    const url = new URL('https://abcdefghij.lambda-url.ap-southeast-2.on.aws/admin/log');
    const headers = await sign(url, { method: 'GET', headers: { accept: 'application/json' } });
    expect(headers.authorization).toContain('/ap-southeast-2/lambda/aws4_request');
    await expect(
      sign(new URL('https://admin.example/admin/log'), { method: 'GET', headers: {} }),
    ).rejects.toThrow(/AWS_REGION/);
  });
});
