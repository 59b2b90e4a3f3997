import type { Browser } from 'playwright-core';

export const CANDIDATES: readonly string[];
export const CHROMIUM_ARGS: readonly string[];
export function findChromium(env?: NodeJS.ProcessEnv): string | null;
export function browserRequired(env?: NodeJS.ProcessEnv): boolean;
export function launchChromium(executablePath: string): Promise<Browser>;
export function pdfPageCount(pdf: Uint8Array): number;
