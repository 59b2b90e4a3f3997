/**
 * Tests that convert with a real LibreOffice. Skipped on a machine without it, unless
 * STARBRANCH_LIBREOFFICE_TESTS=1 (as `.ci/run` sets, having installed it) demands them: then a
 * missing LibreOffice fails them instead of passing them by.
 */
import { findLibreOffice } from '../../src/local/letters';

export const libreOfficeRequired = process.env.STARBRANCH_LIBREOFFICE_TESTS === '1';

/** `it` where LibreOffice is installed or required, `it.skip` elsewhere. */
export const withLibreOffice: jest.It =
  findLibreOffice() !== undefined || libreOfficeRequired ? it : it.skip;
