import type { Page } from 'playwright-core';

export interface NameCell {
  /** The branch name as rendered. */
  text: string;
  /** The whole cell as read (rank, name, id, notes). */
  label: string;
  /** Rendered, inside its cell, not cut. */
  whole: boolean;
}

export interface ReportLayout {
  innerWidth: number;
  scrollWidth: number;
  overflowingSections: string[];
  sidewaysScrollers: string[];
  heatmapNames: NameCell[];
  defenseNames: NameCell[];
  /** Lines per ranking name, in ranking order. */
  rankingNameLines: number[];
  tops: Record<
    'headline' | 'ranking' | 'stars' | 'activities' | 'defense' | 'judgeMarks',
    number | null
  >;
}

export function measureReport(page: Page): Promise<ReportLayout>;
