import { normaliseTitle } from '../../src/domain/duplicates';
import { branchChoice } from '../../src/domain/forms';
import { ACTIVITY_KINDS, isThemeKind, TIERS, YES_NO } from '../../src/domain/vocabulary';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import {
  DEMO_ACTIVITY_PROBLEMS,
  demoActivities,
  demoApplications,
  demoBranches,
  demoDecisions,
  demoDefense,
  demoJudges,
  demoNominations,
  demoVotes,
  type DemoResponse,
} from '../../src/local/demo/demoYear';
import { ZH_VOCABULARY, type DemoVocabulary } from '../../src/local/demo/demoVocabulary';
import { EN_VOCABULARY } from '../../src/local/demo/demoVocabularyEn';

/** The Google Forms zh-CN CSV export: `2026/9/3 下午2:15:00`, no padding of month, day, hour. */
const GOOGLE_ZH_TIMESTAMP =
  /^(\d{4})\/([1-9]|1[0-2])\/([1-9]|[12]\d|3[01]) (上午|下午)([1-9]|1[0-2]):([0-5]\d):([0-5]\d)$/;
const GOOGLE_ZH_DATE = /^(\d{4})\/([1-9]|1[0-2])\/([1-9]|[12]\d|3[01])$/;

/** `2026/9/3 下午2:15:00` → `2026-09-03 14:15:00`, to compare and sort. */
function isoOf(timestamp: string): string {
  const m = GOOGLE_ZH_TIMESTAMP.exec(timestamp);
  if (!m) throw new Error(`not a zh-CN timestamp: ${timestamp}`);
  const hour = (Number(m[5]) % 12) + (m[4] === '下午' ? 12 : 0);
  const pad = (n: number | string) => String(n).padStart(2, '0');
  return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)} ${pad(hour)}:${m[6]}:${m[7]}`;
}

/** `2026/10/15` → `2026-10-15`; anything else unchanged. */
function isoDate(text: string): string {
  const m = GOOGLE_ZH_DATE.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
}

const RUBRIC_MAXES = DEFAULT_CONFIG.defenseRubric.map((c) => c.max);

// The approved branches get ids in application order, as the system would give them.
const applications = demoApplications();
const decisions = demoDecisions();
const approvedNames = new Set(decisions.filter((d) => d.status === 'approved').map((d) => d.name));
const approved = applications
  .map((a) => a.answers.name!)
  .filter((name) => approvedNames.has(name))
  .map((name, i) => ({ id: `B${String(i + 1).padStart(3, '0')}`, name }));
const activities = demoActivities(approved);

/** Which branch an answer names: dropdown text, exact name or bare id. */
const branchOfAnswer = new Map<string, string>();
for (const b of approved) {
  branchOfAnswer.set(branchChoice(b), b.name);
  branchOfAnswer.set(b.name, b.name);
  branchOfAnswer.set(b.id, b.name);
}

describe('demo year: determinism', () => {
  it('gives the same year on every call', () => {
    expect(demoBranches()).toEqual(demoBranches());
    expect(demoApplications()).toEqual(applications);
    expect(demoDecisions()).toEqual(decisions);
    expect(demoJudges()).toEqual(demoJudges());
    expect(demoActivities(approved)).toEqual(activities);
    expect(demoVotes('2026-10', approved.slice(0, 5))).toEqual(
      demoVotes('2026-10', approved.slice(0, 5)),
    );
    expect(demoDefense(approved, RUBRIC_MAXES)).toEqual(demoDefense(approved, RUBRIC_MAXES));
    expect(demoNominations(approved)).toEqual(demoNominations(approved));
  });

  it('pins a few values (a change here changes the demo year everyone sees)', () => {
    expect(activities).toHaveLength(996);
    expect(applications[0]!.timestamp).toBe('2026/9/1 上午8:30:47');
    expect(applications[0]!.answers.name).toBe('信息与软件工程学院研究生第三党支部');
    expect(decisions.filter((d) => d.status === 'rejected').map((d) => d.name)).toEqual([
      '通信与信息工程学院2025级本科生第三党支部',
      '自动化工程学院2025级本科生第二党支部',
    ]);
  });

  it("draws each month's vote from its own stream", () => {
    expect(demoVotes('2026-11', approved.slice(0, 3))).not.toEqual(
      demoVotes('2026-12', approved.slice(0, 3)),
    );
  });
});

describe('demo year: branches, applications, decisions, judges', () => {
  const branches = demoBranches();

  it('has 52 branches across the three tiers, with unique names and e-mails', () => {
    expect(branches).toHaveLength(52);
    for (const tier of TIERS) {
      expect(branches.filter((b) => b.tier === tier.key).length).toBeGreaterThanOrEqual(10);
    }
    expect(new Set(branches.map((b) => b.name)).size).toBe(52);
    expect(new Set(branches.map((b) => b.email)).size).toBe(52);
    for (const b of branches) {
      expect(b.name.startsWith(b.unit)).toBe(true);
      expect(b.name).toMatch(/党支部$/);
      expect(b.secretary).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(b.email).toMatch(/^[a-z]+\d*@std\.example\.edu\.cn$/);
      expect(b.members).toBeGreaterThanOrEqual(1);
    }
  });

  it('has a mix of profiles, with about four branches set to fall short', () => {
    const count = (p: string) => branches.filter((b) => b.profile === p).length;
    expect(count('strong')).toBeGreaterThanOrEqual(5);
    expect(count('steady')).toBeGreaterThanOrEqual(25);
    expect(count('lapsed')).toBeGreaterThanOrEqual(1);
    const shortOnes = branches.filter(
      (b) => (b.profile === 'weak' || b.profile === 'lapsed') && approvedNames.has(b.name),
    );
    expect(shortOnes.length).toBeGreaterThanOrEqual(3);
    expect(shortOnes.length).toBeLessThanOrEqual(6);
  });

  it('has one application per branch, 1–10 September, answered with the form labels', () => {
    expect(applications).toHaveLength(52);
    expect(new Set(applications.map((a) => a.answers.name))).toEqual(
      new Set(branches.map((b) => b.name)),
    );
    const tierLabels = TIERS.map((t) => t.zh);
    for (const a of applications) {
      const at = isoOf(a.timestamp);
      expect(at >= '2026-09-01' && at < '2026-09-11').toBe(true);
      expect(tierLabels).toContain(a.answers.tier);
      expect(Number(a.answers.members)).toBeGreaterThanOrEqual(1);
      expect(a.answers.plan!.length).toBeGreaterThan(5);
      expect(a.answers.planLink === '' || a.answers.planLink!.startsWith('https://')).toBe(true);
    }
    expect(applications.some((a) => a.answers.planLink === '')).toBe(true);
    expect(applications.some((a) => /以党建促学风/.test(a.answers.plan!))).toBe(true);
    expect(applications.some((a) => /七个一/.test(a.answers.plan!))).toBe(true);
  });

  it('approves 50 and rejects 2 with a reason', () => {
    expect(decisions.filter((d) => d.status === 'approved')).toHaveLength(50);
    const rejected = decisions.filter((d) => d.status === 'rejected');
    expect(rejected).toHaveLength(2);
    for (const r of rejected) expect(r.note.length).toBeGreaterThan(5);
  });

  it('has 7 judges, exactly one of whom belongs to an approved branch', () => {
    const judges = demoJudges();
    expect(judges).toHaveLength(7);
    expect(new Set(judges.map((j) => j.name)).size).toBe(7);
    const conflicted = judges.filter((j) => j.ownBranchName !== null);
    expect(conflicted).toHaveLength(1);
    expect(approvedNames.has(conflicted[0]!.ownBranchName!)).toBe(true);
    for (const j of judges) expect(j.email).toMatch(/@(std\.)?example\.edu\.cn$/);
  });
});

describe('demo year: activities', () => {
  const problemKeys = DEMO_ACTIVITY_PROBLEMS.map((p) => p.key);
  /** The first response with these exact answers (the list is in arrival order). */
  const firstArrival = new Map<string, DemoResponse>();
  for (const r of activities) {
    const key = JSON.stringify(r.answers);
    if (!firstArrival.has(key)) firstArrival.set(key, r);
  }
  /** The deliberate bad responses, each recognised independently of the generator. */
  const isProblem: Record<string, (r: DemoResponse) => boolean> = {
    'unknown-branch': (r) => r.answers.branch === '数学学院第九党支部',
    'no-evidence': (r) => r.answers.title === '“红色家书”诵读会' && r.answers.evidenceLink === '',
    duplicate: (r) => firstArrival.get(JSON.stringify(r.answers)) !== r,
    'formula-title': (r) => /^[=+\-@]/.test(r.answers.title!),
    'impossible-date': (r) => r.answers.date === '2027/2/30',
    'non-party-exceeds': (r) =>
      Number(r.answers.participants) >= 0 &&
      Number(r.answers.nonParty) > Number(r.answers.participants),
    'outside-programme': (r) =>
      GOOGLE_ZH_DATE.test(r.answers.date!) &&
      (isoDate(r.answers.date!) < DEFAULT_CONFIG.programStart ||
        isoDate(r.answers.date!) > DEFAULT_CONFIG.programEnd),
    'negative-participants': (r) => Number(r.answers.participants) < 0,
    'blank-title': (r) => r.answers.title === '',
    'unknown-kind': (r) => !ACTIVITY_KINDS.some((k) => k.zh === r.answers.kind),
  };
  const anyProblem = (r: DemoResponse) =>
    Object.entries(isProblem).some(([key, test]) => key !== 'no-evidence' && test(r));
  const valid = activities.filter((r) => !anyProblem(r));

  it('documents every deliberate bad response with what the system should do', () => {
    expect(new Set(problemKeys)).toEqual(new Set(Object.keys(isProblem)));
    for (const p of DEMO_ACTIVITY_PROBLEMS) {
      expect(p.what.length).toBeGreaterThan(0);
      expect(p.expected.length).toBeGreaterThan(0);
    }
  });

  it.each(Object.keys(isProblem))('has the bad response %s exactly once', (key) => {
    expect(activities.filter(isProblem[key]!)).toHaveLength(1);
  });

  it('has about 1000 reports, about two per branch per month in the autumn', () => {
    expect(activities.length).toBeGreaterThan(800);
    expect(activities.length).toBeLessThan(1200);
    const autumn = valid.filter((r) => {
      const date = isoDate(r.answers.date!);
      return date >= '2026-09-01' && date <= '2026-12-31';
    });
    const perBranchMonth = autumn.length / approved.length / 4;
    expect(perBranchMonth).toBeGreaterThanOrEqual(1.5);
    expect(perBranchMonth).toBeLessThanOrEqual(2.5);
  });

  it('names every approved branch, mostly by the dropdown text', () => {
    const answers = valid.map((r) => r.answers.branch!);
    for (const a of answers) expect(branchOfAnswer.has(a)).toBe(true);
    const dropdown = answers.filter((a) => /^B\d{3} /.test(a)).length;
    expect(dropdown / answers.length).toBeGreaterThan(0.7);
    expect(answers.some((a) => /^B\d{3}$/.test(a))).toBe(true);
    expect(answers.some((a) => approvedNames.has(a))).toBe(true);
    const reporting = new Set(answers.map((a) => branchOfAnswer.get(a)));
    expect(reporting.size).toBe(approved.length);
  });

  it('uses the form labels for kinds (except the one bad kind) and a realistic mix', () => {
    const labels = new Set(ACTIVITY_KINDS.map((k) => k.zh));
    const unknown = activities.filter((r) => !labels.has(r.answers.kind!));
    expect(unknown.map((r) => r.answers.kind)).toEqual(['聚餐']);
    const share = (keys: string[]) =>
      valid.filter((r) =>
        keys.some((k) => ACTIVITY_KINDS.find((t) => t.key === k)!.zh === r.answers.kind),
      ).length / valid.length;
    const themeKeys = ACTIVITY_KINDS.map((k) => k.key).filter(isThemeKind);
    expect(share(themeKeys)).toBeGreaterThan(0.45);
    expect(share(themeKeys)).toBeLessThan(0.65);
    expect(share(['featured'])).toBeGreaterThan(0.05);
    expect(share(['study'])).toBeGreaterThan(0.1);
    expect(share(['training'])).toBeGreaterThan(0.04);
    expect(share(['practice'])).toBeGreaterThan(0.04);
    expect(share(['other'])).toBeGreaterThan(0.01);
  });

  it('concentrates training at the start of a semester', () => {
    const training = valid.filter((r) => r.answers.kind === '专题培训');
    const early = training.filter((r) => /^(2026\/9|2027\/[23])\//.test(r.answers.date!));
    expect(early.length / training.length).toBeGreaterThan(0.6);
  });

  it('writes dates and numbers as a person would, and reports after the activity', () => {
    const yesNo = YES_NO.map((y) => y.zh);
    for (const r of valid) {
      expect(r.answers.date).toMatch(GOOGLE_ZH_DATE);
      const date = isoDate(r.answers.date!);
      expect(date >= DEFAULT_CONFIG.programStart && date <= DEFAULT_CONFIG.programEnd).toBe(true);
      expect(isoOf(r.timestamp) >= date).toBe(true);
      const participants = Number(r.answers.participants);
      const nonParty = Number(r.answers.nonParty);
      expect(Number.isInteger(participants) && participants >= 1).toBe(true);
      expect(Number.isInteger(nonParty) && nonParty >= 0 && nonParty <= participants).toBe(true);
      expect(yesNo).toContain(r.answers.counselorPresent);
      expect(r.answers.title!.length).toBeGreaterThan(0);
      expect(r.answers.description!.length).toBeGreaterThan(0);
      expect(r.answers.funds === '' || /^\d+(\.\d)?$/.test(r.answers.funds!)).toBe(true);
      expect(
        r.answers.evidenceLink === '' ||
          /^https:\/\/pan\.example\.edu\.cn\/s\/\w+$/.test(r.answers.evidenceLink!),
      ).toBe(true);
    }
    const withEvidence = valid.filter((r) => r.answers.evidenceLink !== '').length / valid.length;
    expect(withEvidence).toBeGreaterThan(0.8);
    expect(withEvidence).toBeLessThan(0.92);
    expect(valid.some((r) => r.answers.funds === '')).toBe(true);
  });

  it('has no accidental duplicates: one report per branch, date and title', () => {
    const known = activities.filter((r) => branchOfAnswer.has(r.answers.branch!));
    const keys = known.map((r) =>
      [
        branchOfAnswer.get(r.answers.branch!),
        r.answers.date,
        normaliseTitle(r.answers.title!),
      ].join('|'),
    );
    const duplicateCount = keys.length - new Set(keys).size;
    expect(duplicateCount).toBe(1); // the deliberate one
  });

  it('lists the reports in arrival order', () => {
    const times = activities.map((r) => isoOf(r.timestamp));
    expect([...times].sort()).toEqual(times);
  });

  it('leaves at least 3 branches short of 4 theme activities in some semester', () => {
    const required = DEFAULT_CONFIG.minThemeActivitiesPerSemester;
    const themeLabels = new Set(ACTIVITY_KINDS.filter((k) => isThemeKind(k.key)).map((k) => k.zh));
    const counted = valid.filter((r) => !isProblem.duplicate!(r));
    const short = new Set<string>();
    for (const b of approved) {
      for (const s of DEFAULT_CONFIG.semesters) {
        const themes = counted.filter(
          (r) =>
            branchOfAnswer.get(r.answers.branch!) === b.name &&
            themeLabels.has(r.answers.kind!) &&
            isoDate(r.answers.date!) >= s.start &&
            isoDate(r.answers.date!) <= s.end,
        ).length;
        if (themes < required) short.add(b.name);
      }
    }
    expect(short.size).toBeGreaterThanOrEqual(3);
    expect(short.size).toBeLessThanOrEqual(6);
    // the short ones are the weak and lapsed branches, nobody else
    const profiles = new Map(demoBranches().map((b) => [b.name, b.profile]));
    for (const name of short) expect(['weak', 'lapsed']).toContain(profiles.get(name));
  });

  it('has lapsed branches go quiet in spring', () => {
    const lapsed = demoBranches().filter((b) => b.profile === 'lapsed');
    for (const b of lapsed) {
      const late = valid.filter(
        (r) =>
          branchOfAnswer.get(r.answers.branch!) === b.name &&
          isoDate(r.answers.date!) >= '2027-04-01',
      );
      expect(late).toHaveLength(0);
    }
  });
});

describe('demo year: timestamps', () => {
  it('writes every timestamp as the Google zh-CN export does', () => {
    const all = [
      ...applications,
      ...activities,
      ...demoVotes('2026-10', approved.slice(0, 5)),
      ...demoDefense(approved, RUBRIC_MAXES),
      ...demoNominations(approved),
    ];
    for (const r of all) expect(r.timestamp).toMatch(GOOGLE_ZH_TIMESTAMP);
    expect(all.some((r) => r.timestamp.includes('上午'))).toBe(true);
    expect(all.some((r) => r.timestamp.includes('下午'))).toBe(true);
  });
});

describe('demo year: on-site votes', () => {
  const months = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-03', '2027-04', '2027-05'];

  it.each(months)('has every presenter of %s scored by at least 5 judges, 60–98', (month) => {
    const presenters = approved.slice(months.indexOf(month) * 5, months.indexOf(month) * 5 + 5);
    const votes = demoVotes(month, presenters);
    const judges = new Set(votes.map((v) => v.answers.judge));
    expect(judges.size).toBeGreaterThanOrEqual(5);
    expect(judges.size).toBeLessThanOrEqual(7);
    for (const p of presenters) {
      const scoredBy = new Set(
        votes.filter((v) => v.answers.branch === branchChoice(p)).map((v) => v.answers.judge),
      );
      expect(scoredBy.size).toBeGreaterThanOrEqual(5);
    }
    for (const v of votes) {
      expect(v.answers.month).toBe(month);
      const score = Number(v.answers.score);
      expect(score).toBeGreaterThanOrEqual(60);
      expect(score).toBeLessThanOrEqual(98);
      expect(v.answers.score).toMatch(/^\d+(\.\d)?$/);
      const at = isoOf(v.timestamp);
      expect(at.slice(0, 7)).toBe(month);
      expect(Number(at.slice(8, 10))).toBeGreaterThanOrEqual(26);
      expect(Number(at.slice(8, 10))).toBeLessThanOrEqual(28);
    }
    // at most one corrected re-submission, later than the first
    expect(votes.length - presenters.length * judges.size).toBeLessThanOrEqual(1);
  });

  it('has a corrected re-submission in some months', () => {
    const resubmitted = months.filter((month) => {
      const presenters = approved.slice(0, 5);
      const votes = demoVotes(month, presenters);
      const pairs = votes.map((v) => `${v.answers.judge}|${v.answers.branch}`);
      return new Set(pairs).size < pairs.length;
    });
    expect(resubmitted.length).toBeGreaterThan(0);
    expect(resubmitted.length).toBeLessThan(months.length);
  });
});

describe('demo year: defense', () => {
  const sheets = demoDefense(approved, RUBRIC_MAXES);
  const judges = demoJudges();
  const total = (s: DemoResponse) =>
    RUBRIC_MAXES.reduce((sum, _, c) => sum + Number(s.answers[`c${c + 1}`]), 0);

  it('has 7 judges × branches sheets plus one re-submission (the conflict is among them)', () => {
    expect(sheets).toHaveLength(judges.length * approved.length + 1);
    const pairs = new Map<string, DemoResponse[]>();
    for (const s of sheets) {
      const key = `${s.answers.judge}|${s.answers.branch}`;
      pairs.set(key, [...(pairs.get(key) ?? []), s]);
    }
    for (const j of judges) {
      for (const b of approved) expect(pairs.has(`${j.name}|${branchChoice(b)}`)).toBe(true);
    }
    const twice = [...pairs.values()].filter((list) => list.length > 1);
    expect(twice).toHaveLength(1);
    const [first, second] = twice[0]!;
    expect(isoOf(second!.timestamp) > isoOf(first!.timestamp)).toBe(true);
    expect(second!.answers.comment).toMatch(/更正/);
  });

  it('has the conflicted judge send a sheet for their own branch', () => {
    const conflicted = judges.find((j) => j.ownBranchName !== null)!;
    const own = approved.find((b) => b.name === conflicted.ownBranchName)!;
    const theirs = sheets.filter(
      (s) => s.answers.judge === conflicted.name && s.answers.branch === branchChoice(own),
    );
    expect(theirs).toHaveLength(1);
  });

  it('keeps every mark within its maximum, with at most one decimal', () => {
    for (const s of sheets) {
      RUBRIC_MAXES.forEach((max, c) => {
        const text = s.answers[`c${c + 1}`]!;
        expect(text).toMatch(/^\d+(\.\d)?$/);
        expect(Number(text)).toBeGreaterThanOrEqual(0);
        expect(Number(text)).toBeLessThanOrEqual(max);
      });
      const at = isoOf(s.timestamp);
      expect(at >= '2027-06-24' && at < '2027-06-29').toBe(true);
    }
    expect(sheets.some((s) => s.answers.comment !== '')).toBe(true);
    expect(sheets.some((s) => s.answers.comment === '')).toBe(true);
  });

  it('has one judge harsher and one more lenient than the rest, and scores follow the profile', () => {
    const meanOf = (list: DemoResponse[]) =>
      list.reduce((sum, s) => sum + total(s), 0) / list.length;
    const byJudge = judges.map((j) => meanOf(sheets.filter((s) => s.answers.judge === j.name)));
    const sorted = [...byJudge].sort((a, b) => a - b);
    expect(sorted[1]! - sorted[0]!).toBeGreaterThan(3); // one clearly harsher
    expect(sorted[6]! - sorted[5]!).toBeGreaterThan(1); // one more lenient
    const profiles = new Map(demoBranches().map((b) => [b.name, b.profile]));
    const ofProfile = (p: string) =>
      meanOf(
        sheets.filter((s) => {
          const name = approved.find((b) => branchChoice(b) === s.answers.branch)!.name;
          return profiles.get(name) === p;
        }),
      );
    expect(ofProfile('strong')).toBeGreaterThan(ofProfile('steady'));
    expect(ofProfile('steady')).toBeGreaterThan(ofProfile('weak'));
  });
});

describe('demo year: nominations', () => {
  it('has about 20 nominations of approved branches members', () => {
    const nominations = demoNominations(approved);
    expect(nominations.length).toBeGreaterThanOrEqual(15);
    expect(nominations.length).toBeLessThanOrEqual(25);
    const choices = new Set(approved.map(branchChoice));
    for (const n of nominations) {
      expect(choices.has(n.answers.branch!)).toBe(true);
      expect(n.answers.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(n.answers.studentId).toMatch(/^20\d{10}$/);
      expect(n.answers.email).toMatch(/@std\.example\.edu\.cn$/);
      expect(n.answers.achievements!.length).toBeGreaterThan(10);
    }
    expect(new Set(nominations.map((n) => n.answers.studentId)).size).toBe(nominations.length);
  });
});

describe('demo year in English', () => {
  const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
  // The English year's branches are those of the Chinese year, by position.
  const englishApplications = demoApplications('en');
  const englishNames = englishApplications.map((a) => a.answers.name!);
  const chineseNames = applications.map((a) => a.answers.name!);
  const englishOf = new Map(chineseNames.map((name, i) => [name, englishNames[i]!]));
  const englishApproved = approved.map((b) => ({ id: b.id, name: englishOf.get(b.name)! }));
  const everything = (locale: 'zh-CN' | 'en', branches: typeof approved) => [
    ...demoApplications(locale),
    ...demoActivities(branches, locale),
    ...demoVotes('2026-10', branches.slice(0, 5), locale),
    ...demoDefense(branches, RUBRIC_MAXES, locale),
    ...demoNominations(branches, locale),
  ];

  it('is the same year in other words: the same responses, numbers and moments', () => {
    const zh = everything('zh-CN', approved);
    const en = everything('en', englishApproved);
    expect(en).toHaveLength(zh.length);
    const numbers = (r: DemoResponse) =>
      Object.values(r.answers).filter((v) => /^-?\d+(\.\d+)?$/.test(v));
    expect(en.map(numbers)).toEqual(zh.map(numbers));
    // `9/3/2026 14:15:00` in English, `2026/9/3 下午2:15:00` in Chinese: the same moment.
    const moment = (timestamp: string) => {
      const m = /^(\d+)\/(\d+)\/(\d{4}) (\d+):(\d\d):(\d\d)$/.exec(timestamp)!;
      const pad = (n: string) => n.padStart(2, '0');
      return `${m[3]}-${pad(m[1]!)}-${pad(m[2]!)} ${pad(m[4]!)}:${m[5]}:${m[6]}`;
    };
    expect(en.map((r) => moment(r.timestamp))).toEqual(zh.map((r) => isoOf(r.timestamp)));
    expect(demoDecisions('en').map((d) => d.status)).toEqual(decisions.map((d) => d.status));
  });

  it('has no Chinese in any answer, name or note', () => {
    const answers = everything('en', englishApproved).flatMap((r) => Object.values(r.answers));
    expect(answers.filter((a) => CJK.test(a))).toEqual([]);
    const people = [...demoJudges('en'), ...demoDecisions('en')].map((x) => JSON.stringify(x));
    expect(people.filter((p) => CJK.test(p))).toEqual([]);
    expect(
      demoBranches('en').filter((b) => CJK.test(`${b.name} ${b.unit} ${b.secretary}`)),
    ).toEqual([]);
  });

  it('answers with the English labels of the form', () => {
    const kinds = new Set(ACTIVITY_KINDS.map((k) => k.en));
    const reports = demoActivities(englishApproved, 'en');
    const labelled = reports.filter((r) => kinds.has(r.answers.kind!));
    expect(labelled.length).toBe(reports.length - 1); // the one bad kind
    const tiers = new Set(TIERS.map((t) => t.en));
    expect(englishApplications.every((a) => tiers.has(a.answers.tier!))).toBe(true);
    expect(new Set(reports.map((r) => r.answers.counselorPresent))).toEqual(
      new Set(YES_NO.map((y) => y.en)),
    );
  });
});

describe('demo vocabulary', () => {
  /** The blanks `fill` draws for (not those given), in order: the draws must line up. */
  const drawn = (text: string) =>
    [...text.matchAll(/\{(book|film|song|alumnus|grade|place|hours)\}/g)].map((m) => m[1]);
  const shape = (v: DemoVocabulary) =>
    JSON.stringify(v, (_, value: unknown) =>
      typeof value === 'string'
        ? drawn(value).join(',')
        : typeof value === 'function'
          ? 'fn'
          : value,
    );

  it('is the same in both languages but for the words: lists as long, the same blanks drawn', () => {
    expect(shape(EN_VOCABULARY)).toEqual(shape(ZH_VOCABULARY));
  });
});
