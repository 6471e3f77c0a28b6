/**
 * At most `perHost` requests in flight to one host: many feeds live on one server (a publisher's
 * sections, a hosting platform), and politeness is per server, not per feed.
 */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(private readonly perHost = 2) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    if ((this.active.get(host) ?? 0) >= this.perHost) {
      await new Promise<void>((resolve) => {
        this.waiting.set(host, [...(this.waiting.get(host) ?? []), resolve]);
      });
    }
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.active.set(host, (this.active.get(host) ?? 1) - 1);
      const [next, ...rest] = this.waiting.get(host) ?? [];
      this.waiting.set(host, rest);
      next?.();
    }
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
