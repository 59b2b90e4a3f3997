/** The Apps Script sandbox: in-memory fakes of the Google services, a world, and a loader. */
export * from './calls';
export * from './docs';
export * from './forms';
export * from './html';
export * from './loadBundle';
export * from './services';
export * from './sheetsApi';
export * from './spreadsheet';
export * from './time';
export * from './util';
export * from './world';
