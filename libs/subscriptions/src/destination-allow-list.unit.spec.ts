import { AllowListError, isDestinationAllowed, isSpecialAddress, parseAllowList, urlProblem } from './destination-allow-list';

describe('destination allow-list', () => {
  it('parses hosts, wildcard hosts, CIDR networks and single addresses', () => {
    const list = parseAllowList(' hooks.example.com, *.partner.io ,10.1.0.0/16, 127.0.0.1/32 ,fd00::/8,192.168.1.5');
    expect(list.hosts).toEqual(['hooks.example.com', '*.partner.io']);
    expect(list.networks.check('10.1.200.3', 'ipv4')).toBe(true);
    expect(list.networks.check('10.2.0.1', 'ipv4')).toBe(false);
    expect(list.networks.check('192.168.1.5', 'ipv4')).toBe(true);
    expect(list.networks.check('fd00::1', 'ipv6')).toBe(true);
  });

  it('names a bad entry', () => {
    expect(() => parseAllowList('10.0.0.0/33')).toThrow(AllowListError);
    expect(() => parseAllowList('not a host!')).toThrow(/not a host!/);
    expect(() => parseAllowList('10.0.0.0/')).toThrow(/CIDR/);
  });

  it('refuses loopback, private, link-local and metadata addresses unless a listed network covers them', () => {
    const none = parseAllowList(undefined);
    for (const address of ['127.0.0.1', '10.0.0.5', '172.16.3.4', '192.168.0.1', '169.254.169.254', '::1', 'fd12::1', '0.0.0.0'])
      expect(isDestinationAllowed('h', address, none)).toBe(false);
    // Listing the host name is not enough: its DNS could point anywhere.
    expect(isDestinationAllowed('localhost', '127.0.0.1', parseAllowList('localhost'))).toBe(false);
    expect(isDestinationAllowed('127.0.0.1', '127.0.0.1', parseAllowList('127.0.0.1/32'))).toBe(true);
    expect(isDestinationAllowed('svc.internal', '10.1.2.3', parseAllowList('10.1.0.0/16'))).toBe(true);
  });

  it('allows any public address when nothing is listed, and only listed ones otherwise', () => {
    expect(isDestinationAllowed('hooks.example.com', '93.184.216.34', parseAllowList(''))).toBe(true);
    const list = parseAllowList('hooks.example.com,*.partner.io,203.0.113.0/24');
    expect(isDestinationAllowed('hooks.example.com', '93.184.216.34', list)).toBe(true);
    expect(isDestinationAllowed('a.partner.io', '93.184.216.35', list)).toBe(true);
    expect(isDestinationAllowed('evil.com', '93.184.216.36', list)).toBe(false);
    expect(isDestinationAllowed('any.name', '203.0.113.9', list)).toBe(true);
  });

  it('knows the special ranges', () => {
    expect(isSpecialAddress('100.64.0.1')).toBe(true);
    expect(isSpecialAddress('8.8.8.8')).toBe(false);
    expect(isSpecialAddress('::ffff:127.0.0.1')).toBe(true);
  });

  it('accepts only absolute http(s) URLs without credentials', () => {
    expect(urlProblem('https://hooks.example.com/x')).toBeNull();
    expect(urlProblem('ftp://x')).toMatch(/http/);
    expect(urlProblem('https://u:p@x.com')).toMatch(/credentials/);
    expect(urlProblem('nope')).toMatch(/absolute/);
  });
});
