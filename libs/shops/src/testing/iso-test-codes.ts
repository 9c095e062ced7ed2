import { PolicyCodeLists } from '../domain/policy/validate-policy-document';

/** Shape-only code checks for tests of the libraries (the service checks against the ISO lists in apps/api). Test-only. */
export const ISO_TEST_CODES: PolicyCodeLists = {
  isRegion: (code) => /^[A-Z]{2}$/.test(code),
  isCurrency: (code) => /^[A-Z]{3}$/.test(code),
};
