import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { LETTER_PLACEHOLDERS, letterFields, type LetterInput } from '../../src/domain/letterFields';
import {
  convertAllToPdf,
  convertToPdf,
  findPackageRoot,
  loadDefaultTemplate,
  renderLetter,
  templatePlaceholders,
} from '../../src/local/letters';
import { buildLetterTemplate, templateFileName } from '../../src/local/letterTemplate';
import { withLibreOffice } from '../support/libreOffice';

const input: LetterInput = {
  awardId: 'A001',
  kind: 'branch',
  recipient: '计算机学院本科生第一党支部',
  branchName: '计算机学院本科生第一党支部',
  unit: '计算机学院',
  tierLabel: '低年级本科生党支部',
  awardTitle: '先进党支部',
  programYear: '2026-2027',
  rank: 1,
  score: '91.35',
  commendationDate: '2027-07-01',
  college: '中共某某大学计算机学院委员会',
};

function parts(docx: Buffer): Record<string, string> {
  const zip = new PizZip(docx);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) out[name] = zip.file(name)!.asText();
  }
  return out;
}

/** The text a reader sees: the <w:t> contents, unescaped, a paragraph per line. */
function visibleText(xml: string): string {
  return xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((m) => (m[0] === '<w:br/>' ? '\n' : (m[1] ?? '')))
        .join(''),
    )
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A copy of the default template with its document.xml edited. */
function editedTemplate(edit: (xml: string) => string): Buffer {
  const zip = new PizZip(loadDefaultTemplate());
  zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'nodebuffer' });
}

describe('the bundled template', () => {
  const template = loadDefaultTemplate();
  const xml = parts(template);

  it('is a .docx with the minimal OOXML parts', () => {
    for (const name of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/styles.xml',
      'word/_rels/document.xml.rels',
      'docProps/core.xml',
      'docProps/app.xml',
    ]) {
      expect(xml[name]).toBeDefined();
    }
  });

  it('uses only known placeholders', () => {
    const used = templatePlaceholders(template);
    expect(used).toEqual([
      'salutation',
      'citation',
      'college',
      'commendationDateZhFormal',
      'letterNo',
    ]);
    const known = LETTER_PLACEHOLDERS.map((p) => p.key);
    for (const tag of used) expect(known).toContain(tag);
  });

  it('keeps every placeholder whole inside one run', () => {
    for (const name of ['word/document.xml', 'word/footer1.xml']) {
      const text = xml[name]!;
      const whole = [...text.matchAll(/<w:t[^>]*>[^<]*\{\{[A-Za-z]+\}\}[^<]*<\/w:t>/g)].length;
      expect(whole).toBe(text.split('{{').length - 1);
    }
  });

  it('declares the East Asian fonts and language in its styles', () => {
    const styles = xml['word/styles.xml']!;
    expect(styles).toMatch(/<w:rPrDefault>.*w:eastAsia="SimSun"/s);
    expect(styles).toMatch(/w:eastAsia="SimHei"/);
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(styles).toMatch(/w:firstLineChars="200"/);
  });

  it('is an A4 page with a red title', () => {
    expect(xml['word/document.xml']).toMatch(/<w:pgSz w:w="16838" w:h="11906"/);
    expect(visibleText(xml['word/document.xml']!)).toContain('荣誉证书');
    expect(xml['word/styles.xml']).toMatch(/LetterTitle.*<w:color w:val="C00000"\/>/s);
  });
});

describe('the bundled templates', () => {
  it.each(['zh-CN', 'en'] as const)(
    '%s: the committed file is what the source builds',
    (locale) => {
      const committed = readFileSync(
        join(findPackageRoot(), 'templates', templateFileName(locale)),
      );
      // If this fails, run `node scripts/make-letter-template.mjs` and commit the templates.
      expect(buildLetterTemplate(locale).equals(committed)).toBe(true);
      expect(loadDefaultTemplate(locale).equals(committed)).toBe(true);
    },
  );

  it('signs with the name over the date, in a right-aligned block, after room for the seal', () => {
    const doc = parts(loadDefaultTemplate())['word/document.xml']!;
    const afterCitation = doc.slice(doc.indexOf('{{citation}}'));
    // An empty paragraph of exact height (the seal room), then the table holding the signature.
    expect(afterCitation).toMatch(
      /<w:p><w:pPr><w:pStyle w:val="Normal"\/><w:keepNext\/><w:spacing [^>]*w:line="840" w:lineRule="exact"\/><\/w:pPr><\/w:p><w:tbl><w:tblPr>[^]*?<w:jc w:val="right"\/>/,
    );
    const table = afterCitation.slice(
      afterCitation.indexOf('<w:tbl>'),
      afterCitation.indexOf('</w:tbl>'),
    );
    expect(
      visibleText(table)
        .split('\n')
        .filter((l) => l !== ''),
    ).toEqual(['{{college}}', '{{commendationDateZhFormal}}']);
    expect(parts(loadDefaultTemplate())['word/styles.xml']).toMatch(
      /w:styleId="Signature">[^]*?<w:jc w:val="center"\/>/,
    );
  });

  it('in English: the English title, date and number label', () => {
    const en = parts(loadDefaultTemplate('en'));
    expect(templatePlaceholders(loadDefaultTemplate('en'))).toEqual([
      'salutation',
      'citation',
      'college',
      'commendationDateEn',
      'letterNo',
    ]);
    expect(visibleText(en['word/document.xml']!)).toContain('Certificate of Honour');
    expect(visibleText(en['word/footer1.xml']!)).toContain('Certificate No. {{letterNo}}');
    for (const xml of Object.values(en)) {
      const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      expect(words).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('renderLetter', () => {
  const template = loadDefaultTemplate();

  it('fills the letter with Chinese text and leaves no placeholder behind', () => {
    const fields = letterFields(input);
    const out = parts(renderLetter(template, fields));
    const body = visibleText(out['word/document.xml']!);
    expect(body).toContain('二〇二七年七月一日');
    expect(body).not.toContain('2027年7月1日');
    expect(body).toContain('计算机学院本科生第一党支部：');
    expect(body).toContain('中共某某大学计算机学院委员会');
    expect(body).toContain(fields.citation);
    expect(visibleText(out['word/footer1.xml']!)).toContain('证书编号：2026-2027-A001');
    for (const [name, text] of Object.entries(out)) {
      expect([name, text.includes('{{') || text.includes('}}')]).toEqual([name, false]);
    }
  });

  it('escapes XML special characters and they read back unchanged', () => {
    const nasty = 'R&D <党支部> "一" \'二\' ]]> $& \\1';
    const fields = letterFields({ ...input, recipient: nasty, college: 'A & B <学院>' });
    const rendered = renderLetter(template, fields);
    const doc = parts(rendered)['word/document.xml']!;
    expect(doc).not.toContain('<党支部>');
    expect(doc).toContain('R&amp;D &lt;党支部&gt;');
    const body = visibleText(doc);
    expect(body).toContain(`${nasty}：`);
    expect(body).toContain('A & B <学院>');
    // Still a well-formed template: reading it again finds no placeholders and no errors.
    expect(templatePlaceholders(rendered)).toEqual([]);
  });

  it('turns a newline in a field into a line break', () => {
    const fields = letterFields({ ...input, citation: '第一行。\n第二行。' });
    const doc = parts(renderLetter(template, fields))['word/document.xml']!;
    expect(doc).toMatch(/第一行。<\/w:t>.*<w:br\/>.*第二行。/s);
  });

  it('fails naming an unknown placeholder', () => {
    const bad = editedTemplate((x) => x.replace('{{college}}', '{{collegeName}}'));
    expect(templatePlaceholders(bad)).toContain('collegeName');
    expect(() => renderLetter(bad, letterFields(input))).toThrow(/\{\{collegeName\}\}/);
    expect(() => renderLetter(bad, letterFields(input))).toThrow(/unknown placeholder/);
  });

  it('fails naming a known placeholder with no value', () => {
    const fields: Record<string, string> = { ...letterFields(input) };
    delete fields.citation;
    expect(() => renderLetter(template, fields)).toThrow(/\{\{citation\}\}.*no value/);
  });

  it('finds a placeholder Word split across runs', () => {
    const split = editedTemplate((x) =>
      x.replace(
        '<w:r><w:t xml:space="preserve">{{college}}</w:t></w:r>',
        '<w:r><w:t>{{col</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>lege}}</w:t></w:r>',
      ),
    );
    expect(templatePlaceholders(split)).toContain('college');
    const body = visibleText(parts(renderLetter(split, letterFields(input)))['word/document.xml']!);
    expect(body).toContain('中共某某大学计算机学院委员会');
  });

  it('reports a malformed template in one line', () => {
    const unclosed = editedTemplate((x) => x.replace('{{college}}', '{{college'));
    expect(() => templatePlaceholders(unclosed)).toThrow(/letter template is not valid/);
    expect(() => renderLetter(Buffer.from('not a zip'), {})).toThrow(/not a \.docx/);
  });
});

describe('loadDefaultTemplate', () => {
  it('finds the repository root from src/ and from a nested build folder', () => {
    const root = findPackageRoot();
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    expect(findPackageRoot(join(root, 'build', 'deep', 'er'))).toBe(root);
    expect(() => findPackageRoot(tmpdir())).toThrow(/cannot find templates/);
  });

  it('reads the same bytes as the file on disk', () => {
    const onDisk = readFileSync(join(findPackageRoot(), 'templates', 'letter-template.docx'));
    expect(loadDefaultTemplate().equals(onDisk)).toBe(true);
  });
});

describe('convertToPdf', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'starbranch-letters-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const onPosix = process.platform === 'win32' ? it.skip : it;

  /** A stand-in `soffice` on a private search path. */
  function fakeSoffice(script: string): string {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const file = join(bin, 'soffice');
    writeFileSync(file, `#!/bin/sh\n${script}\n`);
    chmodSync(file, 0o755);
    return bin;
  }

  onPosix('says LibreOffice was not found when it is not on the path', async () => {
    const result = await convertToPdf(join(dir, 'a.docx'), dir, { searchPath: join(dir, 'none') });
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/LibreOffice was not found/),
    });
  });

  onPosix('runs soffice headless and returns the PDF path', async () => {
    const bin = fakeSoffice(
      [
        `echo "$@" > "${dir}/args"`,
        'out=""; prev=""; src=""',
        'for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; src="$a"; done',
        'echo "%PDF-1.4" > "$out/$(basename "$src" .docx).pdf"',
      ].join('\n'),
    );
    const docx = join(dir, '计算机-先进党支部.docx');
    writeFileSync(docx, renderLetter(loadDefaultTemplate(), letterFields(input)));
    const result = await convertToPdf(docx, join(dir, 'pdf'), { searchPath: bin });
    expect(result).toEqual({ ok: true, pdfPath: join(dir, 'pdf', '计算机-先进党支部.pdf') });
    const args = readFileSync(join(dir, 'args'), 'utf8');
    expect(args).toMatch(/--headless/);
    expect(args).toMatch(/--convert-to pdf/);
  });

  onPosix('reports a failed conversion instead of throwing', async () => {
    const failing = fakeSoffice('echo "Error: source file could not be loaded" >&2; exit 1');
    const docx = join(dir, 'a.docx');
    writeFileSync(docx, 'x');
    const result = await convertToPdf(docx, dir, { searchPath: failing });
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/could not convert.*source file could not be loaded/),
    });
  });

  onPosix('reports a run that wrote no PDF, and a missing input', async () => {
    const silent = fakeSoffice('exit 0');
    const docx = join(dir, 'a.docx');
    writeFileSync(docx, 'x');
    expect(await convertToPdf(docx, dir, { searchPath: silent })).toEqual({
      ok: false,
      reason: expect.stringMatching(/wrote no PDF/),
    });
    expect(await convertToPdf(join(dir, 'missing.docx'), dir, { searchPath: silent })).toEqual({
      ok: false,
      reason: expect.stringMatching(/no such file/),
    });
  });

  // Only where LibreOffice is really installed (not a project dependency).
  withLibreOffice(
    'converts a real letter with LibreOffice',
    async () => {
      const docx = join(dir, 'letter.docx');
      writeFileSync(docx, renderLetter(loadDefaultTemplate(), letterFields(input)));
      const result = await convertToPdf(docx, dir);
      expect(result).toEqual({ ok: true, pdfPath: join(dir, 'letter.pdf') });
      expect(readFileSync(join(dir, 'letter.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    },
    180_000,
  );
});

describe('convertAllToPdf', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'starbranch-pdfs-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const onPosix = process.platform === 'win32' ? it.skip : it;

  /**
   * A stand-in `soffice` that, like LibreOffice, names each file as it starts on it and writes its
   * PDF into --outdir; files whose name holds `skip` get none.
   */
  function fakeSoffice(): string {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const file = join(bin, 'soffice');
    writeFileSync(
      file,
      [
        '#!/bin/sh',
        `echo run >> "${dir}/runs"`,
        'out=""; prev=""',
        'for a in "$@"; do',
        '  if [ "$prev" = "--outdir" ]; then out="$a"',
        '  else case "$a" in *.docx)',
        '    pdf="$out/$(basename "$a" .docx).pdf"',
        '    echo "convert $a -> $pdf using filter : writer_pdf_Export"',
        '    case "$a" in *skip*) ;; *) echo "%PDF-1.4" > "$pdf" ;; esac ;;',
        '  esac; fi',
        '  prev="$a"',
        'done',
      ].join('\n'),
    );
    chmodSync(file, 0o755);
    return bin;
  }

  function letters(names: readonly string[], folder = dir): string[] {
    mkdirSync(folder, { recursive: true });
    return names.map((name) => {
      const file = join(folder, name);
      writeFileSync(file, 'x');
      return file;
    });
  }

  onPosix('converts many letters in one run, reporting each as it is done', async () => {
    const bin = fakeSoffice();
    const files = letters(['甲.docx', '乙.docx', '丙.docx']);
    const seen: string[] = [];
    const result = await convertAllToPdf(files, {
      searchPath: bin,
      onConverted: (done, total, pdf) => seen.push(`${done}/${total} ${pdf}`),
    });
    expect(seen).toEqual([
      `1/3 ${join(dir, '甲.pdf')}`,
      `2/3 ${join(dir, '乙.pdf')}`,
      `3/3 ${join(dir, '丙.pdf')}`,
    ]);
    expect(result).toEqual({ written: files.map((f) => f.replace(/docx$/, 'pdf')), failed: [] });
    expect(readFileSync(join(dir, 'runs'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  onPosix('runs once per folder and per batch, and names the letters that got no PDF', async () => {
    const bin = fakeSoffice();
    const files = [
      ...letters(['a.docx', 'b-skip.docx', 'c.docx']),
      ...letters(['d.docx'], join(dir, 'other')),
    ];
    const result = await convertAllToPdf(files, { searchPath: bin, perRun: 2 });
    expect(readFileSync(join(dir, 'runs'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(result.written).toEqual([
      join(dir, 'a.pdf'),
      join(dir, 'c.pdf'),
      join(dir, 'other', 'd.pdf'),
    ]);
    expect(result.failed).toEqual([
      { file: join(dir, 'b-skip.docx'), reason: expect.stringMatching(/wrote no PDF/) },
    ]);
  });

  onPosix('says LibreOffice was not found, for every letter', async () => {
    const files = letters(['a.docx', 'b.docx']);
    const result = await convertAllToPdf(files, { searchPath: join(dir, 'none') });
    expect(result.written).toEqual([]);
    expect(result.failed.map((f) => f.reason)).toEqual([
      expect.stringMatching(/LibreOffice was not found/),
      expect.stringMatching(/LibreOffice was not found/),
    ]);
  });

  // Only where LibreOffice is really installed (not a project dependency).
  withLibreOffice(
    'prints every letter on one A4 page, the longest member citation too',
    async () => {
      const longest = letterFields({
        ...input,
        kind: 'member',
        awardId: 'MEM-B001-2023001',
        recipient: '欧阳娜娜',
        branchName: '马克思主义学院研究生第三党支部（思想政治教育专业）',
        college: '中共某某大学马克思主义学院研究生工作委员会',
        rank: 0,
        score: '',
        achievements: '获国家奖学金，专业成绩排名年级第一。'.repeat(12),
      });
      const files = [
        ['branch.docx', renderLetter(loadDefaultTemplate(), letterFields(input))],
        ['member.docx', renderLetter(loadDefaultTemplate(), longest)],
        [
          'member-en.docx',
          renderLetter(
            loadDefaultTemplate('en'),
            letterFields({
              ...input,
              locale: 'en',
              kind: 'member',
              recipient: 'Zhang Wei',
              branchName: 'Third Graduate Branch, School of Marxism (Political Education)',
              college: 'Graduate Work Committee of the Party Committee, School of Marxism',
              rank: 0,
              achievements: 'Won the national scholarship and ranked first of the year. '.repeat(
                10,
              ),
            }),
          ),
        ],
      ] as const;
      for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
      const result = await convertAllToPdf(files.map(([name]) => join(dir, name)));
      expect(result.failed).toEqual([]);
      for (const pdf of result.written) {
        const text = readFileSync(pdf).toString('latin1');
        expect([pdf, (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length]).toEqual([pdf, 1]);
      }
    },
    180_000,
  );
});
