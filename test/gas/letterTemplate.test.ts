/**
 * The letter template setup makes in Google Docs reads as a 荣誉证书: A4 landscape, the title, the
 * salutation and the citation, then at the bottom right the issuing body's name over the formal
 * date with blank room above them for the seal; and the letters made from it carry that date and,
 * for a member, the achievements of the nomination. The sandbox records what Apps Script was told.
 */
import { freshGas, SHEETS, sheetRecords } from './support';

describe('the Docs letter template', () => {
  const gas = freshGas();
  const id = String(
    sheetRecords(gas.world, SHEETS.config).find((r) => r['键'] === 'letterTemplate')!['值'],
  );
  const doc = gas.world.describeDocument(id);
  const byText = (text: string) => doc.paragraphs.find((p) => p.text === text)!;

  it('is an A4 landscape page', () => {
    expect(doc.page.PAGE_WIDTH).toBeCloseTo(841.89);
    expect(doc.page.PAGE_HEIGHT).toBeCloseTo(595.28);
  });

  it('says, in order, the title, salutation, citation, issuer, formal date and number', () => {
    expect(doc.paragraphs.map((p) => p.text).filter((t) => t !== '')).toEqual([
      '荣 誉 证 书',
      '{{salutation}}',
      '{{citation}}',
      '{{college}}',
      '{{commendationDateZhFormal}}',
      '证书编号：{{letterNo}}',
    ]);
    expect(byText('荣 誉 证 书')).toMatchObject({ heading: 'TITLE', alignment: 'CENTER' });
  });

  it('signs at the bottom right with room for the seal above the issuing body', () => {
    const college = byText('{{college}}');
    const date = byText('{{commendationDateZhFormal}}');
    for (const line of [college, date]) {
      expect(line.alignment).toBe('RIGHT');
      // Four characters (16 pt each) in from the margin.
      expect(line.attributes.INDENT_END).toBe(64);
    }
    expect(college.attributes.SPACING_BEFORE).toBeGreaterThanOrEqual(40);
    expect(date.attributes.SPACING_BEFORE).toBeUndefined();
  });
});
