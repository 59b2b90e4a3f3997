/** Apps Script: setup, form submissions, reconciliation, letters, templates. */
import { defineMessages } from './define';

export const gasMessages = defineMessages({
  'zh-CN': {
    // —— gas.ingest: folding the response sheets into the tables
    'gas.ingest.busy': '另一项任务正在进行：这份回复由正在进行或下一次的汇入处理',
    'gas.ingest.folded': '汇入 {added} 份，转入待处理 {rejected} 份，共 {batches} 批',
    'gas.ingest.reconciled': '补收：{count} 份新回复',
    'gas.ingest.moreWaiting': '仍有回复等待汇入，下次运行从中断处继续',
    'gas.ingest.inboxEmpty': '没有等待汇入的回复',
    // gas.jobs: setup, letters, unfinished work
    'gas.jobs.lettersQuotaReached': '今日文档配额已用完：余下的证书明天自动继续生成',
    'gas.jobs.templateNotFound':
      '证书模板 {id} 无法打开：本应用只能使用它自己创建的文件（权限范围 `drive.file`），您在云端硬盘中自建的文档对它不可见。请在菜单中选择“导入证书模板…”，粘贴该文档的链接，应用会复制一份由它管理的模板并写入设置；或清空设置中的 `letterTemplate` 后重新运行初始化。',
    'gas.jobs.folderNotFound':
      '证书文件夹 {id} 无法打开：本应用只能使用它自己创建的文件夹（权限范围 `drive.file`）。请清空设置中的 `letterFolder`，在菜单中选择“创建证书文件夹”，由应用新建文件夹；之后可在云端硬盘中把该文件夹移动到任意位置或共享给同事。',
    'gas.jobs.importPrompt': '请粘贴证书模板（谷歌文档）的链接：',
    'gas.jobs.importNotADocument':
      '“{input}” 不是可打开的谷歌文档链接，请复制文档地址栏中的完整链接。',
    'gas.jobs.imported': '已导入模板“{name}”：共 {parts} 段，新模板已写入设置 `letterTemplate`。',
    'gas.jobs.importSkipped': '有 {count} 个元素（如图片或目录）未能复制，请在新模板中补上。',
    'gas.jobs.folderCreated':
      '已创建证书文件夹“{name}”并写入设置 `letterFolder`，可在云端硬盘中移动或共享它。',
  },
  en: {
    // —— gas.ingest: folding the response sheets into the tables
    'gas.ingest.busy': 'another job is running: the running or the next fold takes this response',
    'gas.ingest.folded': '{added} added, {rejected} rejected, in {batches} batches',
    'gas.ingest.reconciled': 'reconciled: {count} new responses',
    'gas.ingest.moreWaiting': 'more responses wait; the next run continues where this one stopped',
    'gas.ingest.inboxEmpty': 'no responses waiting',
    // gas.jobs: setup, letters, unfinished work
    'gas.jobs.lettersQuotaReached':
      'daily document quota reached: the remaining letters continue tomorrow by themselves',
    'gas.jobs.templateNotFound':
      'The letter template {id} cannot be opened: this app may only use files it created itself (the `drive.file` scope), so a document made directly in Drive is invisible to it. Choose "Import letter template…" in the menu and paste the document\'s link: the app makes its own copy and records it in letterTemplate. Or clear letterTemplate in Config and run Setup again.',
    'gas.jobs.folderNotFound':
      'The letter folder {id} cannot be opened: this app may only use folders it created itself (the `drive.file` scope). Clear letterFolder in Config and choose "Create letters folder" in the menu; you can then move that folder anywhere in Drive or share it.',
    'gas.jobs.importPrompt': 'Paste the link of the letter template (a Google Doc):',
    'gas.jobs.importNotADocument':
      '"{input}" is not a Google Doc this account can open: copy the full link from the address bar.',
    'gas.jobs.imported':
      'Imported the template "{name}" ({parts} parts); the new template is recorded in letterTemplate.',
    'gas.jobs.importSkipped':
      '{count} elements (such as images or a table of contents) could not be copied: add them to the new template.',
    'gas.jobs.folderCreated':
      'Created the letters folder "{name}" and recorded it in letterFolder; move or share it in Drive as you like.',
  },
});
