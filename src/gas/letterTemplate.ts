/**
 * The starting letter template in Google Docs, made at setup from `defaultLetter`, the same
 * description the bundled .docx follows: A4 landscape, a red title, the salutation, the citation,
 * and at the bottom right the issuing body's name over the formal date (二〇二七年七月一日) with
 * blank room above them for the seal (盖章). Staff may restyle it in Docs; the placeholders stay.
 */
import { defaultLetter } from '../domain/defaultLetter';
import type { Locale } from '../domain/vocabulary';

const TEMPLATE_KEY = 'letterTemplate';
const TEMPLATE_BUILT_KEY = 'letterTemplate:built';

/** A4 landscape, in points (the margins stay Docs' own inch). */
const PAGE = { width: 841.89, height: 595.28 };
const RED = '#C00000';
const GREY = '#595959';
/** Body text: 三号, 16 pt; one Chinese character is as wide. */
const BODY_POINTS = 16;
/** Room above the issuing body's name for a 42 mm seal pressed over the name and the date. */
const SEAL_ROOM_POINTS = 42;

type Attributes = Partial<Record<GoogleAppsScript.Document.Attribute, unknown>>;

/**
 * A starting letter template in Google Docs, with the placeholders the letters fill, in the
 * workbook's language. Like the forms, its id is remembered as soon as it exists and it is marked
 * built when complete, so a cut-off setup finishes it instead of making a second one.
 */
export function ensureLetterTemplate(
  properties: GoogleAppsScript.Properties.Properties,
  locale: Locale,
): string {
  let id = properties.getProperty(TEMPLATE_KEY);
  if (id === null) {
    id = DocumentApp.create('StarBranch 荣誉证书模板 / letter template').getId();
    properties.setProperty(TEMPLATE_KEY, id);
  }
  if (properties.getProperty(TEMPLATE_BUILT_KEY) === null) {
    const doc = DocumentApp.openById(id);
    writeTemplate(doc.getBody(), locale);
    doc.saveAndClose();
    properties.setProperty(TEMPLATE_BUILT_KEY, 'yes');
  }
  return id;
}

/** Two calls a paragraph: appended, then every attribute (alignment and heading too) at once. */
function writeTemplate(body: GoogleAppsScript.Document.Body, locale: Locale): void {
  const letter = defaultLetter(locale);
  const A = DocumentApp.Attribute;
  const { CENTER, LEFT, RIGHT, JUSTIFY } = DocumentApp.HorizontalAlignment;
  body.clear();
  body.setPageWidth(PAGE.width).setPageHeight(PAGE.height);
  const paragraph = (text: string, attributes: Attributes) =>
    body.appendParagraph(text).setAttributes(attributes);
  const text: Attributes = { [A.FONT_SIZE]: BODY_POINTS, [A.LINE_SPACING]: 1.5 };
  // A Chinese title is spaced out, 荣 誉 证 书.
  const title = locale === 'en' ? letter.title : Array.from(letter.title).join(' ');
  paragraph(title, {
    [A.HEADING]: DocumentApp.ParagraphHeading.TITLE,
    [A.HORIZONTAL_ALIGNMENT]: CENTER,
    [A.FONT_SIZE]: 36,
    [A.BOLD]: true,
    [A.FOREGROUND_COLOR]: RED,
    [A.SPACING_AFTER]: 24,
  });
  paragraph(letter.salutation, { ...text, [A.HORIZONTAL_ALIGNMENT]: LEFT, [A.BOLD]: true });
  paragraph(letter.citation, {
    ...text,
    [A.HORIZONTAL_ALIGNMENT]: locale === 'en' ? LEFT : JUSTIFY,
    [A.INDENT_FIRST_LINE]: 2 * BODY_POINTS,
  });
  // The name and the date end four characters in from the margin (右空四字), under the seal.
  const [college, date] = letter.signature;
  const signature: Attributes = {
    ...text,
    [A.HORIZONTAL_ALIGNMENT]: RIGHT,
    [A.INDENT_END]: 4 * BODY_POINTS,
  };
  paragraph(college, { ...signature, [A.SPACING_BEFORE]: SEAL_ROOM_POINTS });
  paragraph(date, signature);
  paragraph(letter.letterNo.join(''), {
    [A.HORIZONTAL_ALIGNMENT]: LEFT,
    [A.FONT_SIZE]: 10.5,
    [A.FOREGROUND_COLOR]: GREY,
    [A.SPACING_BEFORE]: 24,
  });
}
