/** Config changes: the defense rubric and its archive. */
import { defineMessages } from './define';

export const rubricMessages = defineMessages({
  'zh-CN': {
    'rubric.changed':
      '答辩评分表按旧评分细则（{old}）记录了 {count} 条评分，而设置中的细则已改为（{new}）。{wayOut}',
    'rubric.wayOutCommand':
      '运行 `starbranch rubric archive {workbook}` 将旧评分移到带日期的工作表，或把设置改回原细则',
    'rubric.wayOutMenu': '在菜单中选择“{menu}”将旧评分移到带日期的工作表，或把设置改回原细则',
    'rubric.menuItem': '归档旧细则的答辩评分',
    'rubric.archiveSheet': '答辩评分-旧细则-{date}',
    'rubric.archived':
      '{count} 条按旧细则（{old}）记录的评分已移到工作表“{sheet}”；答辩评分表已按新细则（{new}）重建表头',
    'rubric.nothingToArchive': '答辩评分表的细则与设置一致（{rubric}），没有需要归档的评分',
    'rubric.scale': '答辩满分 {max}（{rubric}），计入总成绩前折算为百分制',
  },
  en: {
    'rubric.changed':
      'The defense score sheet holds {count} scores given under the old rubric ({old}), but Config now has another rubric ({new}). {wayOut}',
    'rubric.wayOutCommand':
      'Run `starbranch rubric archive {workbook}` to move the old scores to a dated sheet, or set Config back to the old rubric',
    'rubric.wayOutMenu':
      'Choose "{menu}" in the menu to move the old scores to a dated sheet, or set Config back to the old rubric',
    'rubric.menuItem': 'Archive old-rubric defense scores',
    'rubric.archiveSheet': 'OldRubricScores-{date}',
    'rubric.archived':
      '{count} scores given under the old rubric ({old}) moved to the sheet "{sheet}"; the defense score sheet now has the new rubric\'s header ({new})',
    'rubric.nothingToArchive':
      'The defense score sheet already follows the rubric in Config ({rubric}); there are no old scores to archive',
    'rubric.scale': 'Defense out of {max} ({rubric}), scaled to 100 before weighting',
  },
});
