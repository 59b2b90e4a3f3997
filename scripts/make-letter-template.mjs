#!/usr/bin/env node
/**
 * Builds templates/letter-template.docx, the bundled Chinese commendation letter (荣誉证书) that
 * local mode fills with docxtemplater (`{{placeholder}}` delimiters; names from
 * src/domain/letterFields.ts LETTER_PLACEHOLDERS, the same names as the Google Docs template).
 *
 * The .docx is checked into the repository. To change it, edit this script and regenerate:
 *
 *     node scripts/make-letter-template.mjs [OUT.docx]
 *     node scripts/make-letter-template.mjs --locale en [OUT.docx]   # templates/letter-template-en.docx
 *
 * The output is byte-for-byte reproducible (fixed zip timestamps and document dates).
 *
 * Layout: A4 landscape, red double page border, centred red title 荣誉证书 in 黑体 (SimHei),
 * salutation line, citation in 宋体 (SimSun) 三号 with a two-character first-line indent, issuing
 * college and date right-aligned at the bottom, letter number in small grey type in the footer. Fonts and
 * sizes live in word/styles.xml (paragraph styles 证书标题 / 称呼 / 表彰词 / 落款 / 证书编号), so a
 * college can restyle the template in Word or WPS without touching the placeholders.
 *
 * Every placeholder sits whole inside one run (<w:r><w:t>{{name}}</w:t></w:r>); the script checks
 * this before writing. A college's own template may split tags across runs (Word does that);
 * docxtemplater copes with that, but Google Docs replaceAllText does not, so keep them whole.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const english = args[0] === '--locale' && args[1] === 'en';
const target = english ? args[2] : args[0];
const out = resolve(
  target ??
    join(here, '..', 'templates', english ? 'letter-template-en.docx' : 'letter-template.docx'),
);

/** The words the template itself prints, in the letters' language. */
const WORDS = english
  ? {
      heading: 'Certificate of Honour',
      date: '{{commendationDate}}',
      letterNo: 'Certificate No. ',
      docTitle: 'Certificate of Honour (Advanced Party Branch Programme)',
      language: 'en-GB',
      // A Latin title in the body's serif, smaller and less spaced than four Chinese characters.
      title: { fonts: 'Times New Roman', spacing: 40, halfPoints: 72 },
    }
  : {
      heading: '荣誉证书',
      date: '{{commendationDateZh}}',
      letterNo: '证书编号：',
      docTitle: '荣誉证书（先进党支部创建表彰）',
      language: 'zh-CN',
      title: { fonts: null, spacing: 300, halfPoints: 104 },
    };

/** Fixed timestamp: the same script always makes the same bytes. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');
const FIXED_ISO = '2026-01-01T00:00:00Z';

const RED = 'C00000';
const GREY = '595959';
// Twentieths of a point. A4 landscape is 297 × 210 mm.
const PAGE = { w: 16838, h: 11906 };
const MARGIN = { top: 1701, bottom: 1417, left: 2268, right: 2268 };
// Body text: 三号 = 16 pt, so one character is 320 twips.
const BODY_HALF_POINTS = 32;
const CHAR = 320;

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function escapeXml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** One run. `text` may hold a placeholder: it stays whole inside this single <w:t>. */
function run(text, rPr = '') {
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function paragraph(style, runs, pPr = '') {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${pPr}</w:pPr>${runs.join('')}</w:p>`;
}

const contentTypes = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
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

const rootRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>`;

const documentRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
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

const titleFonts = WORDS.title.fonts
  ? `<w:rFonts w:ascii="${WORDS.title.fonts}" w:hAnsi="${WORDS.title.fonts}" w:eastAsia="SimHei" w:cs="${WORDS.title.fonts}"/>`
  : TITLE_FONTS;

const styles = `${XML_HEAD}<w:styles xmlns:w="${W_NS}">
<w:docDefaults>
<w:rPrDefault><w:rPr>${BODY_FONTS}<w:kern w:val="2"/><w:sz w:val="${BODY_HALF_POINTS}"/><w:szCs w:val="${BODY_HALF_POINTS}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/><w:spacing w:before="0" w:after="0" w:line="600" w:lineRule="exact"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="LetterTitle"><w:name w:val="证书标题"/><w:basedOn w:val="Normal"/><w:next w:val="Salutation"/><w:qFormat/>
<w:pPr><w:keepNext/><w:jc w:val="center"/><w:spacing w:before="600" w:after="840" w:line="240" w:lineRule="auto"/></w:pPr>
<w:rPr>${titleFonts}<w:color w:val="${RED}"/><w:spacing w:val="${WORDS.title.spacing}"/><w:kern w:val="0"/><w:sz w:val="${WORDS.title.halfPoints}"/><w:szCs w:val="${WORDS.title.halfPoints}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Salutation"><w:name w:val="称呼"/><w:basedOn w:val="Normal"/><w:next w:val="Citation"/><w:qFormat/>
<w:pPr><w:jc w:val="left"/><w:spacing w:after="120"/></w:pPr>
<w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Citation"><w:name w:val="表彰词"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:ind w:firstLineChars="200" w:firstLine="${2 * CHAR}"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Signature"><w:name w:val="落款"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:jc w:val="right"/><w:ind w:rightChars="200" w:right="${2 * CHAR}"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="LetterNo"><w:name w:val="证书编号"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:jc w:val="left"/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>
<w:rPr><w:color w:val="${GREY}"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>
</w:styles>`;

const settings = `${XML_HEAD}<w:settings xmlns:w="${W_NS}">
<w:zoom w:percent="100"/>
<w:defaultTabStop w:val="420"/>
<w:characterSpacingControl w:val="compressPunctuation"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>
</w:settings>`;

// altName gives Word/WPS the Chinese name; charset 86 = GB2312. Systems without SimSun/SimHei
// (macOS, Linux) substitute their own Song/Hei CJK faces.
const fontTable = `${XML_HEAD}<w:fonts xmlns:w="${W_NS}">
<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="SimSun"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="SimHei"><w:altName w:val="黑体"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
</w:fonts>`;

const border = (side) => `<w:${side} w:val="double" w:sz="18" w:space="24" w:color="${RED}"/>`;
const sectPr =
  `<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="${PAGE.w}" w:h="${PAGE.h}" w:orient="landscape"/>` +
  `<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" w:header="851" w:footer="1134" w:gutter="0"/>` +
  `<w:pgBorders w:offsetFrom="page">${border('top')}${border('left')}${border('bottom')}${border('right')}</w:pgBorders>` +
  `<w:cols w:space="425"/><w:docGrid w:linePitch="312"/></w:sectPr>`;

const body = [
  paragraph('LetterTitle', [run(WORDS.heading)]),
  paragraph('Salutation', [run('{{salutation}}')]),
  paragraph('Citation', [run('{{citation}}')]),
  paragraph('Signature', [run('{{college}}')], '<w:spacing w:before="720"/>'),
  paragraph('Signature', [run(WORDS.date)]),
].join('\n');

// The letter number sits in the footer, bottom left, whatever the citation's length.
const footerXml = `${XML_HEAD}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">
${paragraph('LetterNo', [run(WORDS.letterNo), run('{{letterNo}}')])}
</w:ftr>`;

const documentXml = `${XML_HEAD}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>
${body}
${sectPr}</w:body></w:document>`;

const core = `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>${WORDS.docTitle}</dc:title>
<dc:subject>StarBranch commendation letter template</dc:subject>
<dc:creator>StarBranch</dc:creator>
<cp:lastModifiedBy>StarBranch</cp:lastModifiedBy>
<dc:language>${WORDS.language}</dc:language>
<cp:revision>1</cp:revision>
<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_ISO}</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_ISO}</dcterms:modified>
</cp:coreProperties>`;

const app = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
<Application>StarBranch</Application>
<DocSecurity>0</DocSecurity>
<Pages>1</Pages>
<Company></Company>
<AppVersion>1.0000</AppVersion>
</Properties>`;

/** Every {{tag}} must close before the next XML tag, i.e. sit whole inside one <w:t>. */
function checkWholeTags(xml) {
  const tags = [];
  for (const m of xml.matchAll(/\{\{([^<]*?)\}\}/g)) tags.push(m[1]);
  const opens = xml.split('{{').length - 1;
  if (opens !== tags.length) {
    throw new Error(
      `a placeholder is split across runs (${opens} "{{" but ${tags.length} whole tags)`,
    );
  }
  return tags;
}

const tags = [...checkWholeTags(documentXml), ...checkWholeTags(footerXml)];

const zip = new PizZip();
const parts = [
  ['[Content_Types].xml', contentTypes],
  ['_rels/.rels', rootRels],
  ['docProps/core.xml', core],
  ['docProps/app.xml', app],
  ['word/document.xml', documentXml],
  ['word/footer1.xml', footerXml],
  ['word/styles.xml', styles],
  ['word/settings.xml', settings],
  ['word/fontTable.xml', fontTable],
  ['word/_rels/document.xml.rels', documentRels],
];
for (const [name, xml] of parts) zip.file(name, xml, { date: FIXED_DATE, createFolders: false });

const bytes = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(`wrote ${out} (${bytes.length} bytes); placeholders: ${tags.join(', ')}`);
