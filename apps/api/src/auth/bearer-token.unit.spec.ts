import { bearerTokenOf } from './bearer-token';

describe('bearerTokenOf', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';

  it.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])('takes the scheme %s whatever its case', (scheme) => {
    expect(bearerTokenOf(`${scheme} ${token}`)).toBe(token);
  });

  it.each([
    ['no header', undefined],
    ['another scheme', `Basic ${token}`],
    ['a scheme that only starts like it', `Bearers ${token}`],
    ['no space', `Bearer${token}`],
    ['two spaces', `Bearer  ${token}`],
    ['a trailing space', `Bearer ${token} `],
    ['two parts', 'Bearer abc.def'],
    ['an empty part', 'Bearer abc..def'],
    ['a character outside base64url', `Bearer ${token}+`],
    ['a part too long', `Bearer ${'a'.repeat(2049)}.b.c`],
    ['duplicate headers joined in an array', [`Bearer ${token}`]],
  ])('refuses %s', (_kind, header) => {
    expect(bearerTokenOf(header)).toBeUndefined();
  });
});
