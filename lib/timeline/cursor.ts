import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';

const CursorSchema = z.object({ k: z.string().min(1), o: z.enum(['asc', 'desc']), f: z.string() });
export type CursorPosition = z.infer<typeof CursorSchema>;

export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(`cursor ${reason}`);
    this.name = 'InvalidCursorError';
  }
}

/**
 * Opaque, tamper-evident paging cursors: the last event's sort key, the order and a fingerprint of the
 * filters, signed. A cursor is a position, not an offset, so new events do not shift later pages.
 */
export class CursorCodec {
  constructor(private readonly secret: string) {}

  private sign(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(payload).digest().subarray(0, 16);
  }

  encode(position: CursorPosition): string {
    const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${payload}.${this.sign(payload).toString('base64url')}`;
  }

  decode(cursor: string): CursorPosition {
    const [payload, signature, extra] = cursor.split('.');
    if (!payload || !signature || extra !== undefined) throw new InvalidCursorError('is malformed');
    const expected = this.sign(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new InvalidCursorError('is not one this server issued');
    }
    try {
      return CursorSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    } catch {
      throw new InvalidCursorError('is malformed');
    }
  }
}
