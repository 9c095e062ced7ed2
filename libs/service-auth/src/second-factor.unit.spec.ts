import { hasSecondFactor } from './second-factor';

describe('hasSecondFactor', () => {
  it.each([
    [['pwd'], false],
    [[], false],
    [['pwd', 'pin'], false],
    [['pwd', 'kba'], false],
    [['pwd', 'rba', 'geo'], false],
    [['wia'], false],
    [['pwd', 'user'], false],
    [['pwd', 'mca'], false],
    [['pwd', 'fido'], false],
    [['pwd', 'OTP'], false],
    [['pwd', 'otp'], true],
    [['pwd', 'sms'], true],
    [['pwd', 'tel'], true],
    [['hwk'], true],
    [['hwk', 'user', 'pin'], true],
    [['swk'], true],
    [['pwd', 'sc'], true],
    [['pwd', 'fpt'], true],
    [['face'], true],
    [['iris'], true],
    [['retina'], true],
    [['vbm'], true],
    [['mfa'], true],
    [['pwd', 'mfa', 'otp'], true],
  ])('%j → %s', (amr, expected) => {
    expect(hasSecondFactor(amr)).toBe(expected);
  });
});
