import ExcelJS from 'exceljs';
import { compactValidations } from '../../src/local/xlsxValidations';

const list = (items: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${items}"`],
});

describe('compactValidations', () => {
  it('merges the cells exceljs expanded back into one range per run down a column', () => {
    const yesNo = list('是,否');
    const kinds = list('主题党日,读一本好书');
    const model: Record<string, ExcelJS.DataValidation | undefined> = {};
    for (let row = 2; row <= 1001; row++) model[`C${row}`] = yesNo;
    // A copy equal in content (as a second read of the same rule would give) joins the run.
    for (let row = 2; row <= 5; row++) model[`D${row}`] = { ...kinds };
    for (let row = 6; row <= 9; row++) model[`D${row}`] = { ...kinds };
    model['D20'] = kinds;
    model['E2:E50'] = yesNo;
    compactValidations(model);
    expect(model).toEqual({ 'C2:C1001': yesNo, 'D2:D9': kinds, D20: kinds, 'E2:E50': yesNo });
  });

  it('keeps different rules in the same column apart', () => {
    const a = list('甲');
    const b = list('乙');
    const model = { A2: a, A3: b, A4: a, A5: a };
    compactValidations(model);
    expect(model).toEqual({ A2: a, A3: b, 'A4:A5': a });
  });

  it('leaves a saved workbook with the same validations, read back cell by cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('活动');
    const validations = (
      sheet as unknown as {
        dataValidations: { model: Record<string, unknown>; add(a: string, v: unknown): void };
      }
    ).dataValidations;
    validations.add('B2:B300', list('是,否'));
    const reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load(await workbook.xlsx.writeBuffer());
    const model = (
      reopened.getWorksheet('活动') as unknown as {
        dataValidations: { model: Record<string, ExcelJS.DataValidation> };
      }
    ).dataValidations.model;
    expect(Object.keys(model)).toHaveLength(299);
    compactValidations(model);
    expect(Object.keys(model)).toEqual(['B2:B300']);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await reopened.xlsx.writeBuffer());
    expect(again.getWorksheet('活动')!.getCell('B300').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"是,否"'],
    });
    expect(again.getWorksheet('活动')!.getCell('B301').dataValidation).toBeUndefined();
  });
});
