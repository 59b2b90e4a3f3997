/**
 * The README lists every form's question titles for colleges that build their own forms or check
 * their exports; the list must be the one ingest reads by. It is generated from the form
 * definitions (`node scripts/readme-forms.mjs`) and this test fails when the two differ.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { FORM_NAMES, formDef } from '../../src/domain/forms';
import {
  formsMarkdown,
  README_FORMS_BEGIN,
  README_FORMS_END,
  withFormsSection,
} from '../../src/local/formTemplates';
import { findPackageRoot } from '../../src/local/letters';

const readme = readFileSync(join(findPackageRoot(), 'README.md'), 'utf8');

/** Markdown as its reader sees it: table cells trimmed (prettier pads them), blank lines dropped. */
function normalised(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim())
            .map((cell) => (/^-+$/.test(cell) ? '-' : cell))
            .join('|')
        : line,
    );
}

function section(text: string): string {
  const begin = text.indexOf(README_FORMS_BEGIN);
  const end = text.indexOf(README_FORMS_END);
  expect(begin).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(begin);
  return text.slice(begin + README_FORMS_BEGIN.length, end);
}

describe("README's list of the forms' questions", () => {
  it('is exactly what the form definitions say (run `node scripts/readme-forms.mjs`)', () => {
    expect(normalised(section(readme))).toEqual(
      normalised(formsMarkdown(DEFAULT_CONFIG.defenseRubric)),
    );
  });

  it('names every question of every form, in both languages', () => {
    const listed = section(readme);
    for (const form of FORM_NAMES) {
      const def = formDef(form, DEFAULT_CONFIG.defenseRubric);
      expect(listed).toContain(`**${def.zh}** · ${def.en}`);
      for (const q of def.questions) {
        expect(listed).toMatch(
          new RegExp(`\\| ${q.zh} +\\| ${q.en.replace(/[()&]/g, '\\$&')} +\\|`),
        );
      }
    }
  });

  it('would notice a question the README lacks', () => {
    const edited = withFormsSection(
      readme,
      formsMarkdown(DEFAULT_CONFIG.defenseRubric).replace(/\n\| 8 \| 评语 [^\n]*/, ''),
    );
    expect(normalised(section(edited))).not.toEqual(
      normalised(formsMarkdown(DEFAULT_CONFIG.defenseRubric)),
    );
  });
});

describe('README getting started', () => {
  it('installs the command for real instead of a bare `npx starbranch`', () => {
    expect(readme).not.toMatch(/npx starbranch/);
    expect(readme).toMatch(/npm install -g \./);
    expect(readme).toMatch(/npm exec -- starbranch/);
  });

  it('says to list the judges in 评委 before the defense', () => {
    expect(readme).toContain('**The 评委 step, before the defense.**');
    const quickStart = readme.slice(readme.indexOf('starbranch init college.xlsx'));
    expect(quickStart.indexOf('评委')).toBeLessThan(quickStart.indexOf('--form defense'));
  });
});
