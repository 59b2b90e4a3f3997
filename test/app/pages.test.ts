/**
 * The public pages' building blocks: escaping, the data block, the QR code (read back with a QR
 * reader), and the board page from its payload.
 */
import fc from 'fast-check';
import jsQR from 'jsqr';
import { renderBoardPage } from '../../src/app/pages/boardPage';
import { qrModules, qrSvg } from '../../src/app/pages/qr';
import type { PublicBoard } from '../../src/app/publicBoard';
import { escapeHtml, jsonForScript } from '../../src/domain/html';

/** The QR code's modules as an RGBA image (4 px a module, white quiet zone), read by jsQR. */
function readQr(text: string): string | null {
  const modules = qrModules(text);
  const scale = 4;
  const quiet = 4;
  const side = (modules.length + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const at = (((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx) * 4;
          pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
        }
      }
    }),
  );
  return jsQR(pixels, side, side)?.data ?? null;
}

describe('escapeHtml', () => {
  test('writes the five characters HTML gives meaning to as entities, and nothing else', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;',
    );
    expect(escapeHtml('计算机学院第一党支部 · 2026')).toBe('计算机学院第一党支部 · 2026');
    expect(escapeHtml(7)).toBe('7');
  });
});

describe('jsonForScript', () => {
  test('never lets the data end or change its script block, and parses back to the data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, text) => {
        const data = { value, text: `${text}</script><!--\u2028` };
        const block = jsonForScript(data);
        expect(block).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(block)).toEqual(JSON.parse(JSON.stringify(data)));
      }),
    );
  });
});

describe('the QR code', () => {
  test.each([
    'https://docs.google.com/forms/d/e/1FAIpQLSd-example/viewform',
    'https://vote.example.edu.cn/xianchang?month=2026-10',
  ])('reads back as the link it was made from: %s', (link) => {
    expect(readQr(link)).toBe(link);
  });

  test('a link with Chinese in it is percent-encoded, as a browser sends it', () => {
    expect(readQr('https://vote.example.edu.cn/现场评选')).toBe(
      'https://vote.example.edu.cn/%E7%8E%B0%E5%9C%BA%E8%AF%84%E9%80%89',
    );
  });

  test('the SVG scales, has a quiet zone, and its label is escaped', () => {
    const svg = qrSvg('https://example.edu.cn/v', '扫码"投票"');
    const side = qrModules('https://example.edu.cn/v').length + 8;
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
    expect(svg).toContain('aria-label="扫码&quot;投票&quot;"');
    expect(svg).not.toMatch(/\b(width|height)="\d+px"/);
  });
});

describe('the board page', () => {
  const board: PublicBoard = {
    kind: 'starbranch-board',
    version: 1,
    locale: 'zh-CN',
    college: '学院党委',
    programYear: '2026-2027',
    month: '2026-10',
    presenters: [
      {
        branch: 'B001',
        name: '<img src=x onerror=alert(1)>',
        unit: '计算机学院',
        reason: 'top',
        votes: 3,
      },
      { branch: 'B002', name: '第二党支部', unit: '计算机学院', reason: 'spot', votes: 1 },
    ],
    voters: 3,
    votes: 4,
    closedAt: null,
    lateVotes: 0,
    minJudges: 3,
    trimFrom: 5,
    result: null,
  };

  test('prints names as text, the tally, the reasons, and the QR code of the vote form', () => {
    const page = renderBoardPage(board, {
      mode: 'static',
      voteUrl: 'https://vote.example.edu.cn/x',
      canClose: true,
      generatedAt: '2026-10-27 15:00:00',
    });
    expect(page).toContain('<title>2026年10月月度总结会 · 现场评选</title>');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<img');
    expect(page).toContain('<span class="count">3 票</span>');
    expect(page).toContain('<span class="why">月度前列</span>');
    expect(page).toContain('<span class="why">随机抽查</span>');
    expect(page).toContain('已有 3 位评委投票');
    expect(page).toContain('<svg');
    // A static snapshot has no close button, even for staff.
    expect(page).not.toContain('id="close"');
    expect(page).toContain('本页为 10月27日 15:00 生成的快照');
  });

  test('once closed, shows the star branch with its on-site score and each presenter’s score', () => {
    const closed: PublicBoard = {
      ...board,
      closedAt: '2026-10-27 16:00:00',
      result: {
        starBranches: [{ branch: 'B002', score: '91.25' }],
        scores: [
          { branch: 'B001', score: null },
          { branch: 'B002', score: '91.25' },
        ],
      },
    };
    const page = renderBoardPage(closed, {
      mode: 'webapp',
      voteUrl: null,
      canClose: true,
      generatedAt: '2026-10-27 16:00:05',
    });
    expect(page).toContain(
      '<span class="label">当月星级支部</span><span class="winner">第二党支部</span><span class="points">现场评分 91.25</span>',
    );
    expect(page).toContain('<span class="score none">有效评分不足</span>');
    expect(page).toContain('截止于 16:00');
    expect(page).toContain('未设置投票链接');
    expect(page).not.toContain('id="close"');
  });

  test('in the web app, staff get the close button; others do not', () => {
    const options = { mode: 'webapp' as const, voteUrl: null, generatedAt: '2026-10-27 15:00:00' };
    expect(renderBoardPage(board, { ...options, canClose: true })).toContain('id="close"');
    expect(renderBoardPage(board, { ...options, canClose: false })).not.toContain('id="close"');
  });

  test('English when the workbook is', () => {
    const page = renderBoardPage(
      { ...board, locale: 'en' },
      { mode: 'static', voteUrl: null, canClose: false, generatedAt: '2026-10-27 15:00:00' },
    );
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Monthly meeting 2026-10 · on-site vote');
    expect(page).toContain('Top of the month');
  });
});
