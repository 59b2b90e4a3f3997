/**
 * Builds the bundled letter template (templates/letter-template.docx, and .en.docx in English)
 * from `defaultLetter` (src/domain/defaultLetter.ts), the same description the Google Docs
 * template follows. `node scripts/make-letter-template.mjs` writes the files; a test checks that
 * the committed files are exactly what this builds. The output is byte-for-byte reproducible
 * (fixed zip timestamps and document dates).
 *
 * Layout: A4 landscape, red double page border, centred red title in 黑体 (SimHei), salutation
 * line, citation in 宋体 (SimSun) 三号 with a two-character first-line indent; at the bottom right
 * the issuing body's name with the date centred under it (as official documents sign), four
 * characters in from the margin, with blank room above for the seal (盖章) that is pressed over
 * them; the letter number in small grey type in the footer. Fonts and sizes live in
 * word/styles.xml (paragraph styles 证书标题 / 称呼 / 表彰词 / 落款 / 证书编号), so a college can
 * restyle the template in Word or WPS without touching the placeholders.
 *
 * Every placeholder sits whole inside one run (<w:r><w:t>{{name}}</w:t></w:r>), checked before
 * the template is returned. A college's own template may split tags across runs (Word does that);
 * docxtemplater copes with that, but Google Docs replaceAllText does not, so keep them whole.
 */
import PizZip from 'pizzip';
import { defaultLetter } from '../domain/defaultLetter';
import type { Locale } from '../domain/vocabulary';

/** Fixed timestamp: the same build always makes the same bytes. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');
const FIXED_ISO = '2026-01-01T00:00:00Z';

const RED = 'C00000';
const GREY = '595959';
// Twentieths of a point. A4 landscape is 297 × 210 mm.
const PAGE = { w: 16838, h: 11906 };
const MARGIN = { top: 1417, bottom: 1417, left: 2268, right: 2268 };
// Body text: 三号 = 16 pt, so one character is 320 twips.
const BODY_HALF_POINTS = 32;
const CHAR = 320;
/** Body lines are exactly 28 pt apart. */
const LINE = 560;
/**
 * Blank room above the issuing body's name. A round seal is 42 mm across (about 2,380 twips) and
 * is pressed over the name and the date (two lines, 1,120 twips), so it reaches about 630 twips
 * above the name; the room (840 twips, 15 mm) keeps it off the citation.
 */
const SEAL_ROOM = (3 * LINE) / 2;
/** The name and date end four characters in from the right margin (右空四字). */
const SIGNATURE_RIGHT = 4 * CHAR;
/** The name and date are centred on a line this many (Chinese) characters wide; English is longer. */
const SIGNATURE_CHARS = { 'zh-CN': 18, en: 24 } as const;

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** One run. `text` may hold a placeholder: it stays whole inside this single <w:t>. */
function run(text: string, rPr = ''): string {
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function paragraph(style: string, runs: readonly string[], pPr = ''): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${pPr}</w:pPr>${runs.join('')}</w:p>`;
}

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>`;

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>`;

const DOCUMENT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>`;

// Latin text in Times New Roman, Chinese in 宋体; the title in 黑体. w:hint="eastAsia" makes
// shared punctuation (“”，：) render with the East Asian font.
const BODY_FONTS =
  '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman" w:hint="eastAsia"/>';
const TITLE_FONTS =
  '<w:rFonts w:ascii="SimHei" w:hAnsi="SimHei" w:eastAsia="SimHei" w:cs="SimHei" w:hint="eastAsia"/>';
// An English title is set in the body's serif, in bold.
const TITLE_FONTS_EN =
  '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimHei" w:cs="Times New Roman"/><w:b/><w:bCs/>';

function styles(locale: Locale): string {
  // Chinese titles are spaced out (荣 誉 证 书); an English one is not.
  const en = locale === 'en';
  const titleSpacing = en ? 20 : 300;
  const titleSize = en ? 80 : 104;
  // Chinese text is justified to both margins; English is not, so its words keep their spacing.
  const citationJustify = en ? 'left' : 'both';
  return `${XML_HEAD}<w:styles xmlns:w="${W_NS}">
<w:docDefaults>
<w:rPrDefault><w:rPr>${BODY_FONTS}<w:kern w:val="2"/><w:sz w:val="${BODY_HALF_POINTS}"/><w:szCs w:val="${BODY_HALF_POINTS}"/><w:lang w:val="${en ? 'en-GB' : 'en-US'}" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/><w:spacing w:before="0" w:after="0" w:line="${LINE}" w:lineRule="exact"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="LetterTitle"><w:name w:val="证书标题"/><w:basedOn w:val="Normal"/><w:next w:val="Salutation"/><w:qFormat/>
<w:pPr><w:keepNext/><w:jc w:val="center"/><w:spacing w:before="240" w:after="600" w:line="240" w:lineRule="auto"/></w:pPr>
<w:rPr>${en ? TITLE_FONTS_EN : TITLE_FONTS}<w:color w:val="${RED}"/><w:spacing w:val="${titleSpacing}"/><w:kern w:val="0"/><w:sz w:val="${titleSize}"/><w:szCs w:val="${titleSize}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Salutation"><w:name w:val="称呼"/><w:basedOn w:val="Normal"/><w:next w:val="Citation"/><w:qFormat/>
<w:pPr><w:jc w:val="left"/><w:spacing w:after="120"/></w:pPr>
<w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Citation"><w:name w:val="表彰词"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:ind w:firstLineChars="200" w:firstLine="${2 * CHAR}"/><w:jc w:val="${citationJustify}"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Signature"><w:name w:val="落款"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:keepLines/><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="LetterNo"><w:name w:val="证书编号"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:jc w:val="left"/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>
<w:rPr><w:color w:val="${GREY}"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`;
}

const SETTINGS = `${XML_HEAD}<w:settings xmlns:w="${W_NS}">
<w:zoom w:percent="100"/>
<w:defaultTabStop w:val="420"/>
<w:characterSpacingControl w:val="compressPunctuation"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>
</w:settings>`;

// altName gives Word/WPS the Chinese name; charset 86 = GB2312. Systems without SimSun/SimHei
// (macOS, Linux) substitute their own Song/Hei CJK faces.
const FONT_TABLE = `${XML_HEAD}<w:fonts xmlns:w="${W_NS}">
<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="SimSun"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="SimHei"><w:altName w:val="黑体"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
</w:fonts>`;

const border = (side: string) =>
  `<w:${side} w:val="double" w:sz="18" w:space="24" w:color="${RED}"/>`;
const SECTION =
  `<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="${PAGE.w}" w:h="${PAGE.h}" w:orient="landscape"/>` +
  `<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" w:header="851" w:footer="1134" w:gutter="0"/>` +
  `<w:pgBorders w:offsetFrom="page">${border('top')}${border('left')}${border('bottom')}${border('right')}</w:pgBorders>` +
  `<w:cols w:space="425"/><w:docGrid w:linePitch="312"/></w:sectPr>`;

/**
 * The issuing body's name with the date centred under it, in a borderless table at the right,
 * four characters in from the margin (a name longer than the table wraps inside it, still
 * centred); the seal room above it.
 */
function signatureBlock(locale: Locale, college: string, date: string): string {
  const none = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="nil"/>`)
    .join('');
  const width = SIGNATURE_CHARS[locale] * CHAR;
  const row = (text: string) =>
    `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph('Signature', [run(text)])}</w:tc></w:tr>`;
  return (
    paragraph(
      'Normal',
      [],
      `<w:keepNext/><w:spacing w:before="0" w:after="0" w:line="${SEAL_ROOM}" w:lineRule="exact"/>`,
    ) +
    `<w:tbl><w:tblPr><w:tblW w:w="${width + SIGNATURE_RIGHT}" w:type="dxa"/><w:jc w:val="right"/>` +
    `<w:tblBorders>${none}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="${SIGNATURE_RIGHT}" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="${width + SIGNATURE_RIGHT}"/></w:tblGrid>` +
    row(college) +
    row(date) +
    `</w:tbl>`
  );
}

function documentXml(locale: Locale): string {
  const letter = defaultLetter(locale);
  const body = [
    paragraph('LetterTitle', [run(letter.title)]),
    paragraph('Salutation', [run(letter.salutation)]),
    paragraph('Citation', [run(letter.citation)]),
    signatureBlock(locale, ...letter.signature),
    // A body must end with a paragraph; this one is as small as a paragraph can be.
    paragraph('Normal', [], '<w:spacing w:line="20" w:lineRule="exact"/>'),
  ].join('\n');
  return `${XML_HEAD}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>
${body}
${SECTION}</w:body></w:document>`;
}

// The letter number sits in the footer, bottom left, whatever the citation's length.
function footerXml(locale: Locale): string {
  const [label, value] = defaultLetter(locale).letterNo;
  return `${XML_HEAD}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">
${paragraph('LetterNo', [run(label), run(value)])}
</w:ftr>`;
}

function coreXml(locale: Locale): string {
  const title = defaultLetter(locale).title;
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>${escapeXml(title)}</dc:title>
<dc:subject>StarBranch commendation letter template</dc:subject>
<dc:creator>StarBranch</dc:creator>
<cp:lastModifiedBy>StarBranch</cp:lastModifiedBy>
<dc:language>${locale}</dc:language>
<cp:revision>1</cp:revision>
<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_ISO}</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_ISO}</dcterms:modified>
</cp:coreProperties>`;
}

const APP = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
<Application>StarBranch</Application>
<DocSecurity>0</DocSecurity>
<Pages>1</Pages>
<Company></Company>
<AppVersion>1.0000</AppVersion>
</Properties>`;

/** Every {{tag}} must close before the next XML tag, i.e. sit whole inside one <w:t>. */
function wholeTags(xml: string): string[] {
  const tags = [...xml.matchAll(/\{\{([^<]*?)\}\}/g)].map((m) => m[1]!);
  const opens = xml.split('{{').length - 1;
  if (opens !== tags.length) {
    throw new Error(
      `a placeholder is split across runs (${opens} "{{" but ${tags.length} whole tags)`,
    );
  }
  return tags;
}

/** The file name of the bundled template in `templates/`: letter-template.docx, or .en.docx. */
export function templateFileName(locale: Locale): string {
  return locale === 'en' ? 'letter-template.en.docx' : 'letter-template.docx';
}

/** The default letter template as .docx bytes, in the locale's words. */
export function buildLetterTemplate(locale: Locale): Buffer {
  const document = documentXml(locale);
  const footer = footerXml(locale);
  wholeTags(document);
  wholeTags(footer);
  const zip = new PizZip();
  const parts: [string, string][] = [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', ROOT_RELS],
    ['docProps/core.xml', coreXml(locale)],
    ['docProps/app.xml', APP],
    ['word/document.xml', document],
    ['word/footer1.xml', footer],
    ['word/styles.xml', styles(locale)],
    ['word/settings.xml', SETTINGS],
    ['word/fontTable.xml', FONT_TABLE],
    ['word/_rels/document.xml.rels', DOCUMENT_RELS],
  ];
  for (const [name, xml] of parts) {
    zip.file(name, xml, { date: FIXED_DATE, createFolders: false });
  }
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
