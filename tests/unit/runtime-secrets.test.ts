import { describe, expect, it } from 'vitest';
import { loadCursorSecret } from '../../lib/runtime/secrets.ts';
import { publicOrigin } from '../../lib/timeline/public-url.ts';

const arn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:dateline-cursor-AbCdEf';
const local = { CURSOR_SECRET: 'a-local-secret-of-16+' };

describe('loadCursorSecret', () => {
  it('reads the key from the secret named by CURSOR_SECRET_ARN, once, ignoring any local value', async () => {
    const asked: string[] = [];
    const read = async (name: string) => {
      asked.push(name);
      return 'the-deployed-secret-of-48-characters';
    };
    expect(await loadCursorSecret({ ...local, CURSOR_SECRET_ARN: arn }, read, {})).toBe(
      'the-deployed-secret-of-48-characters',
    );
    expect(asked).toEqual([arn]);
  });

  it('uses CURSOR_SECRET locally, where no Secrets Manager is asked', async () => {
    const read = async () => {
      throw new Error('no Secrets Manager locally');
    };
    expect(await loadCursorSecret(local, read, {})).toBe(local.CURSOR_SECRET);
  });

  it('refuses to start in Lambda without the ARN rather than sign with the local key', async () => {
    await expect(
      loadCursorSecret(local, async () => 'x', { AWS_LAMBDA_FUNCTION_NAME: 'timeline' }),
    ).rejects.toThrow(/CURSOR_SECRET_ARN is not set/);
  });

  it('refuses a secret that is binary or too short to sign with', async () => {
    for (const value of [new Uint8Array(32), 'short', undefined]) {
      await expect(
        loadCursorSecret({ ...local, CURSOR_SECRET_ARN: arn }, async () => value, {}),
      ).rejects.toThrow(/at least 16 characters/);
    }
  });
});

describe('publicOrigin', () => {
  const lambdaUrl = 'https://abc123.lambda-url.eu-west-1.on.aws/timeline.atom';

  it('prefers the configured public URL', () => {
    expect(
      publicOrigin(lambdaUrl, 'd1.cloudfront.net', {
        publicUrl: 'https://dateline.example/',
        behindEdge: true,
      }),
    ).toBe('https://dateline.example');
  });

  it('behind the edge, takes the host it stamped, over HTTPS', () => {
    expect(publicOrigin(lambdaUrl, 'D1.CloudFront.net', { behindEdge: true })).toBe(
      'https://d1.cloudfront.net',
    );
  });

  it('trusts no stamped host when not behind the edge, and no host that is not a host name', () => {
    expect(publicOrigin(lambdaUrl, 'evil.example', {})).toBe('https://abc123.lambda-url.eu-west-1.on.aws');
    for (const forged of ['evil.example/path', 'a b', 'x"><script>', ''])
      expect(publicOrigin(lambdaUrl, forged, { behindEdge: true }), forged).toBe(
        'https://abc123.lambda-url.eu-west-1.on.aws',
      );
  });
});
