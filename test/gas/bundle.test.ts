/**
 * The built Apps Script bundle: a plain ES2020 script whose top-level function declarations are
 * exactly the entry points, with a least-privilege manifest. `npm test` builds dist/ first.
 */
import { parse } from 'acorn';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MENU_ITEMS } from '../../src/gas/menu';

const dist = join(__dirname, '..', '..', 'dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');
const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));

describe('dist/Code.js', () => {
  const program = parse(code, { ecmaVersion: 2020, sourceType: 'script' });

  it('parses as an ES2020 script (no modules, no later syntax)', () => {
    expect(program.type).toBe('Program');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('declares exactly the entry points as top-level functions', () => {
    const functions = program.body
      .filter((node) => node.type === 'FunctionDeclaration')
      .map((node) => (node as unknown as { id: { name: string } }).id.name)
      .sort();
    const triggers = [
      'onOpen',
      'onFormSubmitTrigger',
      'sweepInbox',
      'dailyTrigger',
      'continueLetters',
    ];
    const menu = MENU_ITEMS.map((item) => item.fn);
    // The web app: doGet, and what its pages call through google.script.run.
    const direct = ['finaliseMonthNow', 'doGet', 'boardTally', 'closeVote'];
    expect(functions).toEqual([...new Set([...triggers, ...menu, ...direct])].sort());
  });

  it('keeps everything else inside one global, StarBranch', () => {
    const variables = program.body
      .filter((node) => node.type === 'VariableDeclaration')
      .flatMap(
        (node) => (node as unknown as { declarations: { id: { name: string } }[] }).declarations,
      )
      .map((d) => d.id.name);
    expect(variables).toEqual(['StarBranch']);
  });
});

describe('dist/appsscript.json', () => {
  it('runs on V8 in Asia/Shanghai', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Shanghai');
  });

  it('asks for no full-Drive scope, only files the app created', () => {
    const scopes: string[] = manifest.oauthScopes;
    expect(scopes).toContain('https://www.googleapis.com/auth/drive.file');
    expect(scopes.filter((s) => /\/auth\/drive(\.readonly)?$/.test(s))).toEqual([]);
    expect(new Set(scopes).size).toBe(scopes.length);
  });

  it('enables the Sheets, Drive and Docs advanced services', () => {
    const services = manifest.dependencies.enabledAdvancedServices.map(
      (s: { userSymbol: string; version: string }) => `${s.userSymbol} ${s.version}`,
    );
    expect(services.sort()).toEqual(['Docs v1', 'Drive v3', 'Sheets v4']);
  });
});
