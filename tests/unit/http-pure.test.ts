import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { addressRange, assertPublicAddress, BlockedAddressError, decodeBody } from '../../lib/http/index.ts';

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
});
