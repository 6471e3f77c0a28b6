import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { assertPublicHost } from '../../lib/http/address-guard.ts';
import {
  addressRange,
  assertPublicAddress,
  BlockedAddressError,
  decodeBody,
  permanentUrl,
} from '../../lib/http/index.ts';

describe('addressRange and assertPublicAddress', () => {
  const blocked: Array<[string, string]> = [
    ['127.0.0.1', 'IPv4 loopback'],
    ['127.8.9.10', 'anywhere in 127/8'],
    ['::1', 'IPv6 loopback'],
    ['10.0.0.5', 'RFC 1918 10/8'],
    ['172.16.4.2', 'RFC 1918 172.16/12'],
    ['192.168.1.1', 'RFC 1918 192.168/16'],
    ['169.254.169.254', 'link-local (cloud metadata endpoint)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['fc00::1', 'IPv6 unique local'],
    ['fd12:3456:789a::1', 'IPv6 unique local (fd00::/8)'],
    ['fe80::1', 'IPv6 link-local'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata endpoint'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback in hex'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'IPv6 unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'IPv6 multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::7f00:1', 'IPv4-compatible loopback (::127.0.0.1, deprecated form)'],
    ['::a9fe:a9fe', 'IPv4-compatible metadata endpoint'],
    ['64:ff9b::7f00:1', 'NAT64 prefix embedding 127.0.0.1'],
    ['2002:7f00:1::', '6to4 prefix embedding 127.0.0.1'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['0.1.2.3', '0/8 "this network"'],
  ];

  for (const [address, what] of blocked) {
    it(`blocks ${address} (${what})`, () => {
      expect(addressRange(address)).not.toBe('unicast');
      expect(() => assertPublicAddress('feed.example.com', address)).toThrow(BlockedAddressError);
    });
  }

  it('names the host, the address and the range in the error', () => {
    let caught: unknown;
    try {
      assertPublicAddress('evil.example.com', '169.254.169.254');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BlockedAddressError);
    expect((caught as BlockedAddressError).code).toBe('EBLOCKED');
    expect((caught as Error).message).toContain('evil.example.com');
    expect((caught as Error).message).toContain('169.254.169.254');
  });

  it('judges an IPv4-mapped address as the IPv4 address it carries', () => {
    expect(addressRange('::ffff:127.0.0.1')).toBe('loopback');
    expect(addressRange('::ffff:10.1.2.3')).toBe('private');
    expect(addressRange('::ffff:93.184.216.34')).toBe('unicast');
  });

  for (const address of ['93.184.216.34', '8.8.8.8', '2606:2800::1', '2a00:1450:4001:80b::200e']) {
    it(`lets the public address ${address} through`, () => {
      expect(addressRange(address)).toBe('unicast');
      expect(() => assertPublicAddress('feed.example.com', address)).not.toThrow();
    });
  }
});

describe('assertPublicHost: numeric host tricks, as the URL parser hands them over', () => {
  for (const url of [
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://0x7f.0.0.1/',
    'http://0x7f000001/',
    'http://127.1/',
    'http://127.0.0.1./',
    'http://[::ffff:127.0.0.1]/',
    'http://[::127.0.0.1]/',
    'http://[0:0:0:0:0:ffff:a9fe:a9fe]/',
    'http://0/',
  ]) {
    it(`blocks ${url} (host ${new URL(url).hostname})`, () => {
      expect(() => assertPublicHost(new URL(url).hostname)).toThrow(BlockedAddressError);
    });
  }

  it('leaves host names to the DNS-time check', () => {
    expect(() => assertPublicHost('localhost')).not.toThrow();
    expect(() => assertPublicHost('feeds.example.com')).not.toThrow();
  });

  it('lets everything through under allowPrivateNetwork', () => {
    expect(() => assertPublicHost('127.0.0.1', { allowPrivateNetwork: true })).not.toThrow();
  });

  it('exempts exactly the addresses in allowAddresses, in any spelling', () => {
    const policy = { allowAddresses: ['127.0.0.2'] };
    expect(() => assertPublicHost('127.0.0.2', policy)).not.toThrow();
    expect(() => assertPublicHost('[::ffff:7f00:2]', policy)).not.toThrow();
    expect(() => assertPublicHost('127.0.0.1', policy)).toThrow(BlockedAddressError);
    expect(() => assertPublicHost('169.254.169.254', policy)).toThrow(BlockedAddressError);
  });
});

describe('permanentUrl', () => {
  const hop = (status: number, from: string, to: string) => ({ status, from, to });

  it('is the final URL when every hop was 301 or 308 and the answer is usable', () => {
    const redirects = [hop(301, 'http://a/', 'http://b/'), hop(308, 'http://b/', 'http://c/')];
    expect(permanentUrl({ status: 200, url: 'http://c/', redirects })).toBe('http://c/');
    expect(permanentUrl({ status: 304, url: 'http://c/', redirects })).toBe('http://c/');
  });

  it('is undefined without redirects, with any temporary hop, or when the answer is an error', () => {
    expect(permanentUrl({ status: 200, url: 'http://a/', redirects: [] })).toBeUndefined();
    for (const status of [302, 303, 307]) {
      const redirects = [hop(301, 'http://a/', 'http://b/'), hop(status, 'http://b/', 'http://c/')];
      expect(permanentUrl({ status: 200, url: 'http://c/', redirects })).toBeUndefined();
    }
    const redirects = [hop(301, 'http://a/', 'http://b/')];
    for (const status of [404, 410, 500])
      expect(permanentUrl({ status, url: 'http://b/', redirects })).toBeUndefined();
  });
});

describe('decodeBody', () => {
  it('decodes windows-1251 declared in the XML prolog', () => {
    const text =
      '<?xml version="1.0" encoding="windows-1251"?><rss><title>Новини Києва: їжа, ґанок, є</title></rss>';
    const bytes = iconv.encode(text, 'windows-1251');
    expect(decodeBody(bytes)).toBe(text);
  });

  it('decodes ISO-8859-1 declared in the Content-Type header', () => {
    const text = '<rss><title>Café à São Paulo, Zürich</title></rss>';
    const bytes = iconv.encode(text, 'latin1');
    expect(decodeBody(bytes, 'application/rss+xml; charset=ISO-8859-1')).toBe(text);
    expect(decodeBody(bytes, 'text/xml;charset="iso-8859-1"')).toBe(text);
  });

  it('lets the HTTP charset win over the prolog', () => {
    const text = '<?xml version="1.0" encoding="utf-8"?><title>Café</title>';
    const bytes = iconv.encode(text, 'latin1');
    expect(decodeBody(bytes, 'text/xml; charset=iso-8859-1')).toBe(text);
  });

  it('follows a UTF-8 BOM, drops it, and lets it win over a contrary header', () => {
    const text = '<?xml version="1.0"?><title>Zürich – «naïve» 東京</title>';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decodeBody(bytes)).toBe(text);
    expect(decodeBody(bytes, 'text/xml; charset=iso-8859-1')).toBe(text);
  });

  it('follows a UTF-16LE BOM', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><title>Київ</title>';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeBody(bytes)).toBe(text);
  });

  it('reads UTF-8 bytes as UTF-8 when the prolog wrongly claims ISO-8859-1', () => {
    const text = '<?xml version="1.0" encoding="ISO-8859-1"?><title>Zürich – «naïve» café</title>';
    const bytes = new TextEncoder().encode(text);
    expect(decodeBody(bytes)).toBe(text);
  });

  it('reads UTF-8 bytes as UTF-8 when the header wrongly claims windows-1252', () => {
    const text = '<title>“Smart quotes” — and an em dash</title>';
    expect(decodeBody(new TextEncoder().encode(text), 'text/xml; charset=windows-1252')).toBe(text);
  });

  it('defaults to UTF-8, including for a charset it does not know', () => {
    const text = '<title>Київ</title>';
    const bytes = new TextEncoder().encode(text);
    expect(decodeBody(bytes)).toBe(text);
    expect(decodeBody(bytes, 'text/xml; charset=x-no-such-charset')).toBe(text);
  });

  it('decodes plain ASCII under any declaration', () => {
    const text = '<?xml version="1.0" encoding="ISO-8859-1"?><title>Plain</title>';
    expect(decodeBody(Buffer.from(text, 'latin1'))).toBe(text);
  });

  it('reads ISO-8859-1 as windows-1252, as browsers do, so its curly quotes survive', () => {
    const bytes = Buffer.concat([
      Buffer.from('<title>'),
      Buffer.from([0x93, 0x51, 0x75, 0x6f, 0x74, 0x65, 0x94, 0x20, 0x96, 0x20, 0xe9]),
      Buffer.from('</title>'),
    ]);
    expect(decodeBody(bytes, 'text/xml; charset=ISO-8859-1')).toBe('<title>“Quote” – é</title>');
  });

  it('reads undeclared bytes that are not UTF-8 as windows-1252', () => {
    const text = '<rss><title>Perturbateurs endocriniens : quels effets sur le cœur ? Déjà vu</title></rss>';
    expect(decodeBody(iconv.encode(text, 'windows-1252'))).toBe(text);
  });

  it('reads latin1 bytes under a wrong UTF-8 prolog as windows-1252', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?><title>Grève générale à Zürich</title>';
    expect(decodeBody(iconv.encode(text, 'latin1'))).toBe(text);
  });

  it('keeps a UTF-8 feed UTF-8 when a few stray bytes break it', () => {
    const bytes = Buffer.concat([
      Buffer.from('<title>Київ, Zürich, 東京 '),
      Buffer.from([0xff]),
      Buffer.from(' und café</title>'),
    ]);
    expect(decodeBody(bytes)).toBe('<title>Київ, Zürich, 東京 \uFFFD und café</title>');
  });

  for (const [charset, bom] of [
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
    ['utf-32le', [0xff, 0xfe, 0x00, 0x00]],
    ['utf-32be', [0x00, 0x00, 0xfe, 0xff]],
  ] as const) {
    const text = '<?xml version="1.0"?><title>Київ – Zürich</title>';
    it(`reads ${charset} with a BOM, and without one from the byte pattern of "<?"`, () => {
      const bytes = iconv.encode(text, charset);
      expect(decodeBody(Buffer.concat([Buffer.from(bom), bytes]))).toBe(text);
      expect(decodeBody(bytes)).toBe(text);
      expect(decodeBody(bytes, 'text/xml; charset=utf-8')).toBe(text);
    });
  }

  it('ignores a UTF-16 label on a body that has no zero bytes', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><title>Zürich</title>';
    expect(decodeBody(new TextEncoder().encode(text))).toBe(text);
  });

  it.each([
    ['Shift_JIS', '東京の港で新しい桟橋が開かれた'],
    ['GBK', '港口的新码头已经开放'],
    ['cp1252', '“Harbour” — the pier’s € cost'],
  ])('reads %s declared in the header, as browsers name it', (charset, title) => {
    const text = `<rss><title>${title}</title></rss>`;
    expect(decodeBody(iconv.encode(text, charset), `text/xml; charset=${charset}`)).toBe(text);
  });

  it('reads UTF-32 declared without byte order, either order', () => {
    const text = '<rss><title>Київ</title></rss>';
    for (const order of ['utf-32le', 'utf-32be'])
      expect(decodeBody(iconv.encode(text, order), 'text/xml; charset=utf-32')).toBe(text);
  });

  it('reads KOI8-R declared in the prolog', () => {
    const text = '<?xml version="1.0" encoding="KOI8-R"?><title>Пример RSS ленты</title>';
    expect(decodeBody(iconv.encode(text, 'koi8-r'))).toBe(text);
  });
});
