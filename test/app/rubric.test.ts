/**
 * A rubric changed in Config after `init` (issue #9, "Config changes apply"): an empty score
 * sheet follows it by itself; scores under the old rubric stop every job that reads them with one
 * message and a way out, the archive; the defense scale is shown with every result.
 */
import { aggregateDefense } from '../../src/app/defense';
import { ingestResponses } from '../../src/app/ingest';
import { buildReport } from '../../src/app/report';
import { archiveRubricScores, RubricChangedError } from '../../src/app/rubric';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { defenseScoresTable } from '../../src/domain/schema/defenseScores';
import { headerRow } from '../../src/domain/schema/table';
import { DefenseResultsTable, LogTable } from '../../src/domain/schema/tables';
import {
  activityAnswers,
  defenseAnswers,
  FixedClock,
  MemoryStore,
  records,
  response,
  seedProgramme,
  setConfig,
  setJudges,
  type TestPorts,
} from '../support/fakes';

/** Out of 150: the defense scale is no longer 100. */
const NEW_RUBRIC = '创建成效/Results:60, 特色创新/Innovation:40, 现场答辩/Q&A:50';
const NEW_DEF = defenseScoresTable([
  { key: 'c1', zh: '创建成效', en: 'Results', max: 60, weight: 1 },
  { key: 'c2', zh: '特色创新', en: 'Innovation', max: 40, weight: 1 },
  { key: 'c3', zh: '现场答辩', en: 'Q&A', max: 50, weight: 1 },
]);
const OLD_DEF = defenseScoresTable(DEFAULT_CONFIG.defenseRubric);
const JUDGES = ['李老师', '赵老师', '孙老师'];

function programme(): TestPorts {
  const store = new MemoryStore();
  const { ports } = seedProgramme(store, new FixedClock('2027-06-20 08:00:00'), { branches: 2 });
  setJudges(
    store,
    JUDGES.map((name) => ({ name })),
  );
  return ports;
}

/** Three judges score both branches under the new rubric: B001 120/150, B002 90/150. */
function newRubricSheets() {
  let n = 0;
  return JUDGES.flatMap((judge) => [
    response('defense', `n${++n}`, '2027-06-20 10:00:00', {
      judge,
      branch: 'B001',
      c1: '50',
      c2: '30',
      c3: '40',
      comment: '',
    }),
    response('defense', `n${++n}`, '2027-06-20 10:00:00', {
      judge,
      branch: 'B002',
      c1: '35',
      c2: '25',
      c3: '30',
      comment: '',
    }),
  ]);
}

const OLD_MESSAGE =
  '答辩评分表按旧评分细则（创建成效40、特色创新25、材料与PPT15、现场陈述10、答辩表现10）记录了 3 条评分，' +
  '而设置中的细则已改为（创建成效60、特色创新40、现场答辩50）。' +
  '在菜单中选择“归档旧细则的答辩评分”将旧评分移到带日期的工作表，或把设置改回原细则';

describe('a rubric changed before any score exists', () => {
  function emptySheetUnderOldRubric(): TestPorts {
    const ports = programme();
    // `init` wrote the score sheet's header under the default rubric, with a column of staff's own.
    ports.store.put(OLD_DEF.name, [[...headerRow(OLD_DEF, 'zh-CN'), '备注']]);
    setConfig(ports.store, { defenseRubric: NEW_RUBRIC });
    return ports;
  }

  it('ingest: the empty score sheet takes the new headers and the scores land in it', () => {
    const ports = emptySheetUnderOldRubric();
    const report = ingestResponses(ports, newRubricSheets());
    expect(report.added).toBe(6);
    const sheet = ports.store.peek(OLD_DEF.name);
    expect(sheet[0]).toEqual([...headerRow(NEW_DEF, 'zh-CN'), '备注']);
    expect(records(ports.store, NEW_DEF)).toHaveLength(6);
  });

  it.each([
    ['defense', (ports: TestPorts) => aggregateDefense(ports)],
    ['report', (ports: TestPorts) => buildReport(ports)],
  ])('%s: runs, and the empty sheet takes the new headers', (_job, run) => {
    const ports = emptySheetUnderOldRubric();
    run(ports);
    expect(ports.store.peek(OLD_DEF.name)).toEqual([[...headerRow(NEW_DEF, 'zh-CN'), '备注']]);
  });
});

describe('a rubric changed after scores were recorded', () => {
  function scoresUnderOldRubric(): TestPorts {
    const ports = programme();
    const report = ingestResponses(
      ports,
      JUDGES.map((judge, i) =>
        response(
          'defense',
          `o${i}`,
          '2027-06-19 10:00:00',
          defenseAnswers(judge, 'B001', [30, 20, 10, 8, 8]),
        ),
      ),
    );
    expect(report.added).toBe(3);
    setConfig(ports.store, { defenseRubric: NEW_RUBRIC });
    return ports;
  }

  it.each([
    ['ingest', (ports: TestPorts) => ingestResponses(ports, newRubricSheets())],
    ['defense', (ports: TestPorts) => aggregateDefense(ports)],
    ['report', (ports: TestPorts) => buildReport(ports)],
  ])('%s stops with one message naming both rubrics and the way out', (_job, run) => {
    const ports = scoresUnderOldRubric();
    const before = ports.store.peek(OLD_DEF.name);
    let thrown: unknown;
    try {
      run(ports);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RubricChangedError);
    expect((thrown as Error).message).toBe(OLD_MESSAGE);
    expect(ports.store.peek(OLD_DEF.name)).toEqual(before);
  });

  it('other forms are still ingested: only the defense scores wait for the archive', () => {
    const ports = scoresUnderOldRubric();
    const report = ingestResponses(ports, [
      response(
        'activity',
        'a1',
        '2026-10-10 10:00:00',
        activityAnswers('B001', { month: '2026-10' }),
      ),
    ]);
    expect(report.added).toBe(1);
  });

  it('the archive moves the old scores to a dated sheet, and the new scores then count', () => {
    const ports = scoresUnderOldRubric();
    const old = ports.store.peek(OLD_DEF.name);
    const archived = archiveRubricScores(ports);
    expect(archived.sheet).toBe('答辩评分-旧细则-2027-06-20');
    expect(archived.summary).toEqual([
      '3 条按旧细则（创建成效40、特色创新25、材料与PPT15、现场陈述10、答辩表现10）记录的评分已移到工作表“答辩评分-旧细则-2027-06-20”；' +
        '答辩评分表已按新细则（创建成效60、特色创新40、现场答辩50）重建表头',
    ]);
    expect(ports.store.peek('答辩评分-旧细则-2027-06-20')).toEqual(old);
    expect(ports.store.peek(OLD_DEF.name)).toEqual([headerRow(NEW_DEF, 'zh-CN')]);
    expect(records(ports.store, LogTable).at(-1)).toMatchObject({
      job: '归档旧细则评分',
      outcome: 'ok',
    });

    // Nothing left to archive: a second run changes nothing.
    const again = archiveRubricScores(ports);
    expect(again.sheet).toBeNull();
    expect(ports.store.peek('答辩评分-旧细则-2027-06-20 (2)')).toEqual([]);

    expect(ingestResponses(ports, newRubricSheets()).added).toBe(6);
    const defense = aggregateDefense(ports);
    expect(defense.results.map((r) => [r.branch, r.score, r.outOf, r.rank])).toEqual([
      ['B001', 120, 150, 1],
      ['B002', 90, 150, 2],
    ]);
  });

  it('a second archive the same day never overwrites the first', () => {
    const ports = scoresUnderOldRubric();
    archiveRubricScores(ports);
    ingestResponses(ports, newRubricSheets());
    setConfig(ports.store, {
      defenseRubric: DEFAULT_CONFIG.defenseRubric.map((c) => `${c.zh}/${c.en}:${c.max}`).join(', '),
    });
    const second = archiveRubricScores(ports);
    expect(second.sheet).toBe('答辩评分-旧细则-2027-06-20 (2)');
    expect(ports.store.peek('答辩评分-旧细则-2027-06-20')).toHaveLength(4);
    expect(ports.store.peek('答辩评分-旧细则-2027-06-20 (2)')).toHaveLength(7);
  });
});

describe('the defense scale', () => {
  it('is shown with every result and in the summary', () => {
    const ports = programme();
    setConfig(ports.store, { defenseRubric: NEW_RUBRIC });
    ingestResponses(ports, newRubricSheets());
    const report = aggregateDefense(ports);
    expect(report.summary).toContain(
      '答辩满分 150（创建成效60、特色创新40、现场答辩50），计入总成绩前折算为百分制',
    );
    expect(records(ports.store, DefenseResultsTable).map((r) => r.outOf)).toEqual([150, 150]);
    expect(ports.store.peek(DefenseResultsTable.name)[0]).toContain('满分');
  });
});
