/** Server mode: the same jobs from Node against the live spreadsheet through the Google APIs. */
import { defineMessages } from './define';

export const serverMessages = defineMessages({
  'zh-CN': {
    'server.noCredentials':
      '未提供谷歌凭据：用 `--credentials 文件` 或环境变量 `GOOGLE_APPLICATION_CREDENTIALS` 指定服务账号密钥或桌面应用客户端文件',
    'server.credentialsUnreadable': '凭据文件 {file} 无法读取或格式不对：{reason}',
    'server.credentialsUnknown':
      '凭据文件 {file} 既不是服务账号密钥，也不是桌面应用客户端：请在谷歌云控制台重新下载',
    'server.credentialsRefused':
      '谷歌拒绝了凭据（{reason}）：密钥可能已删除或过期，请在谷歌云控制台为该服务账号新建密钥',
    'server.notShared': '无权访问表格 {id}：请在表格右上角“共享”中把 {email} 添加为编辑者',
    'server.notFound': '找不到 {what} {id}：请检查编号，并确认已共享给 {email}',
    'server.apiDisabled': '{api} 尚未在谷歌云项目中启用：请打开 {url} 点击“启用”，几分钟后再运行',
    'server.retrying': '{label}：谷歌返回 {status}，{seconds} 秒后第 {attempt} 次重试',
    'server.gaveUp': '{label}：谷歌连续 {attempts} 次返回 {status}，已停止；请稍后再运行',
    'server.dailyQuota':
      '今日文档配额已用完：已生成 {made} 份证书，其余 {remaining} 份请明天再运行同一命令继续',
    'server.lettersNoTemplate': '配置表未填写证书模板（文档编号）：请先在配置表中填写',
    'server.consent': '请在浏览器中打开以下网址并授权，完成后回到这里：',
    'server.tokenStored': '授权已保存到 {file}（删除该文件即可撤销本机授权）',
    'server.pushRefused':
      '表格中以下工作表已有数据：{tables}。如确要用本地工作簿覆盖，请加 `--force`',
    'server.pushed': '已写入 {count} 张工作表',
    'server.pulled': '已从表格读出 {count} 张工作表，保存到 {file}',
    'server.workbookOrGoogle': '请给出工作簿文件，或用 `--google 表格编号`（二者择一）',
    'server.needsGoogle': '{command} 需要 `--google 表格编号`',
    'server.sharingRefused': '证书保持私有：链接共享被拒绝（{reason}）',
    'server.person': '授权的谷歌账号',
    'server.formOption':
      '`--form` 应写成 表单名=表单编号（表单名为 {names} 之一），收到的是 {value}',
    'server.needsForms': '请用 `--form 表单名=表单编号` 指明要核对的表单（可写多次）',
    'server.staleCopy': '上次中断的运行按当时的内容生成了这份证书，内容已变且从未登记，故作废',
    'server.reconciled':
      '已读取 {read} 条表单回复：新增 {added} 条，转入退回表 {rejected} 条，{skipped} 条已存在',
  },
  en: {
    'server.noCredentials':
      'no Google credentials: pass `--credentials FILE` or set GOOGLE_APPLICATION_CREDENTIALS to a service account key or a desktop OAuth client file',
    'server.credentialsUnreadable': 'credentials file {file} cannot be read as JSON: {reason}',
    'server.credentialsUnknown':
      'credentials file {file} is neither a service account key nor a desktop OAuth client: download it again from the Google Cloud console',
    'server.credentialsRefused':
      'Google refused the credentials ({reason}): the key may be deleted or expired; create a new key for the service account in the Google Cloud console',
    'server.notShared':
      'no access to spreadsheet {id}: share it (Share, top right) with {email} as an editor',
    'server.notFound': '{what} {id} not found: check the id, and that it is shared with {email}',
    'server.apiDisabled':
      '{api} is not enabled in the Google Cloud project: open {url}, click Enable, wait a few minutes and run again',
    'server.retrying': '{label}: Google answered {status}; retry {attempt} in {seconds} s',
    'server.gaveUp':
      '{label}: Google answered {status} {attempts} times in a row; stopped, run again later',
    'server.dailyQuota':
      "the day's document quota is used up: {made} letters made; run the same command tomorrow for the other {remaining}",
    'server.lettersNoTemplate':
      'the Config sheet names no letter template (a document id): fill it in first',
    'server.consent': 'Open this address in a browser and allow access, then come back here:',
    'server.tokenStored': 'access saved in {file} (delete that file to revoke it on this machine)',
    'server.pushRefused':
      'these sheets of the spreadsheet already hold data: {tables}; add `--force` to overwrite them with the workbook',
    'server.pushed': '{count} sheets written',
    'server.pulled': '{count} sheets read from the spreadsheet into {file}',
    'server.workbookOrGoogle': 'give a workbook file, or `--google SPREADSHEET_ID` (one of them)',
    'server.needsGoogle': '{command} needs `--google SPREADSHEET_ID`',
    'server.sharingRefused': 'letters kept private: link sharing was refused ({reason})',
    'server.person': 'the Google account that gave consent',
    'server.formOption': '`--form` takes FORM=FORM_ID (FORM one of {names}); got {value}',
    'server.needsForms': 'name the forms to reconcile with `--form FORM=FORM_ID` (repeatable)',
    'server.staleCopy':
      'made by a run that was cut off, for what the award said then; it has changed and this copy was never recorded',
    'server.reconciled':
      'read {read} form responses: {added} added, {rejected} to Rejected, {skipped} already known',
  },
});
