/**
 * The sandbox's web-app side: HtmlService as documented, and who a web app executing as the
 * deploying user sees (Google's access gate, `Session.getActiveUser()`).
 */
import { createWorld, googleLetsIn, loadBundleSource, webAppActiveUser } from './index';

describe('HtmlService', () => {
  const world = createWorld();
  const html = world.services.HtmlService;

  it('takes only the meta tags Google allows', () => {
    const output = html.createHtmlOutput('<p>x</p>');
    output.addMetaTag('viewport', 'width=device-width');
    expect(() => output.addMetaTag('Content-Security-Policy', "default-src 'none'")).toThrow(
      'Invalid argument: name',
    );
    expect(output.getMetaTags().map((m) => [m.getName(), m.getContent()])).toEqual([
      ['viewport', 'width=device-width'],
    ]);
  });

  it('keeps content and title; X-Frame-Options is ALLOWALL or DEFAULT; the sandbox mode does nothing', () => {
    const output = html
      .createHtmlOutput('<b>a</b>')
      .append('<i>b</i>')
      .setTitle('标题')
      .setSandboxMode(html.SandboxMode.NATIVE)
      .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL);
    expect([output.getContent(), output.getTitle(), output._xFrameOptions]).toEqual([
      '<b>a</b><i>b</i>',
      '标题',
      'ALLOWALL',
    ]);
    expect(() => output.setXFrameOptionsMode('SAMEORIGIN' as never)).toThrow('Invalid argument');
    expect(() => (html as unknown as { createTemplate(): void }).createTemplate()).toThrow(
      'Sandbox: HtmlService.createTemplate is not implemented',
    );
  });

  it('ScriptApp.getService().getUrl() is null until the web app is deployed', () => {
    const bare = createWorld();
    expect(bare.services.ScriptApp.getService().getUrl()).toBeNull();
    const deployed = createWorld({ webAppUrl: 'https://script.google.com/macros/s/X/exec' });
    expect(deployed.services.ScriptApp.getService().getUrl()).toBe(
      'https://script.google.com/macros/s/X/exec',
    );
  });
});

describe('a web app executing as the deploying user', () => {
  const world = createWorld({ userEmail: 'staff@college.edu', editors: ['dean@college.edu'] });
  const consumer = createWorld({ userEmail: 'someone@gmail.com' });

  it('Google lets in whom the deployment’s access names', () => {
    expect(googleLetsIn(world, 'DOMAIN', 'teacher@college.edu')).toBe(true);
    expect(googleLetsIn(world, 'DOMAIN', 'friend@gmail.com')).toBe(false);
    expect(googleLetsIn(world, 'ANYONE', null)).toBe(false);
    expect(googleLetsIn(world, 'ANYONE_ANONYMOUS', null)).toBe(true);
    expect(googleLetsIn(world, 'MYSELF', 'teacher@college.edu')).toBe(false);
    expect(googleLetsIn(consumer, 'DOMAIN', 'someone@gmail.com')).toBe(false);
  });

  it('tells the visitor’s address only to the deployer’s own domain', () => {
    expect(webAppActiveUser(world, 'teacher@college.edu')).toBe('teacher@college.edu');
    expect(webAppActiveUser(world, 'friend@gmail.com')).toBe('');
    expect(webAppActiveUser(world, null)).toBe('');
    expect(webAppActiveUser(consumer, 'other@gmail.com')).toBe('');
    expect(webAppActiveUser(consumer, 'someone@gmail.com')).toBe('someone@gmail.com');
  });

  it('runs doGet as the deployer, with the event object and the visitor as Google names them', () => {
    const bundle = loadBundleSource(
      world,
      `function doGet(e) {
         return HtmlService.createHtmlOutput([
           e.parameter.page, e.parameters.page[0], e.queryString,
           Session.getEffectiveUser().getEmail(), Session.getActiveUser().getEmail(),
           SpreadsheetApp.getActiveSpreadsheet().getEditors().map(function (u) { return u.getEmail(); }).join(' '),
         ].join('|'));
       }`,
    );
    const inside = bundle.visit({ page: 'board' }, { visitor: 'teacher@college.edu' });
    if (inside.refused) throw new Error('refused');
    expect(inside.value!.getContent()).toBe(
      'board|board|page=board|staff@college.edu|teacher@college.edu|staff@college.edu dean@college.edu',
    );
    expect(inside.execution.kind).toBe('webapp');
    const outside = bundle.visit(
      { page: 'board' },
      { visitor: 'friend@gmail.com', access: 'ANYONE' },
    );
    if (outside.refused) throw new Error('refused');
    expect(outside.value!.getContent()).toContain('|staff@college.edu||');
    expect(bundle.visit({}, { visitor: 'friend@gmail.com' }).refused).toBe(true);
  });
});
