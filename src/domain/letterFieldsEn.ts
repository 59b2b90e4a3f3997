/**
 * An English workbook's letters: the same fields as `letterFields` gives, with the words a reader
 * sees (salutation, award kind, rank, citation) in English. Dates and numbers stay as they are;
 * the English template prints `commendationDate`.
 */
import { letterFields, type LetterInput } from './letterFields';
import { t } from './messages';
import { AWARD_KINDS, findTerm, labelOf, TIERS } from './vocabulary';

/** 1 → 1st, 2 → 2nd, 11 → 11th, 23 → 23rd. */
export function englishOrdinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function focus(tierLabel: string) {
  const tier = tierLabel.trim() === '' ? undefined : findTerm(TIERS, tierLabel);
  if (tier?.key === 'junior') return t('en', 'jobs.letter.focus.junior');
  if (tier?.key === 'senior' || tier?.key === 'graduate')
    return t('en', 'jobs.letter.focus.senior');
  return t('en', 'jobs.letter.focus.other');
}

export function englishLetterFields(input: LetterInput): Record<string, string> {
  const fields = letterFields(input);
  const kind = labelOf(
    AWARD_KINDS.find((k) => k.key === input.kind)!,
    'en',
  );
  const title = input.awardTitle.trim() || kind;
  const year = input.programYear.trim();
  const programme = year
    ? t('en', 'jobs.letter.programme', { year })
    : t('en', 'jobs.letter.programmeNoYear');
  const rankText =
    input.rank >= 1 ? t('en', 'jobs.letter.rank', { ordinal: englishOrdinal(input.rank) }) : '';
  const recipient = input.recipient.trim();
  const branch = input.branchName.trim();
  const citation =
    input.kind === 'member'
      ? t('en', 'jobs.letter.citation.member', {
          programme,
          name: recipient,
          branch: branch ? t('en', 'jobs.letter.memberBranch', { branch }) : '',
          title,
        })
      : t('en', 'jobs.letter.citation.branch', {
          programme,
          recipient,
          focus: focus(input.tierLabel),
          standing: rankText
            ? t('en', 'jobs.letter.standing.ranked', { rankText })
            : t('en', 'jobs.letter.standing.unranked'),
          title,
        });
  return {
    ...fields,
    salutation:
      input.kind === 'member'
        ? t('en', 'jobs.letter.salutation.member', { name: recipient })
        : t('en', 'jobs.letter.salutation.branch', { recipient }),
    awardKind: kind,
    awardTitle: title,
    rankText,
    citation: input.citation?.trim() || citation,
  };
}
