import type { Messages } from '../types';
import type { shell as english } from '../en/shell';

export const shell: Messages<typeof english> = {
  'app.name': 'KMS 加密控制台',

  'common.cancel': '取消',
  'common.close': '关闭',
  'common.done': '完成',
  'common.dismiss': '关闭提示',

  'layout.skipToContent': '跳到主要内容',
  'layout.navigation': '主导航',
  'layout.signOut': '退出登录',
  'layout.loading': '正在加载',
  'layout.footer':
    '明文只发送给 KMS，从不保存。历史记录只存在于本浏览器中，保存密文和密钥信息，从不保存明文。',
  'layout.configFailed': '无法读取控制台配置',
  'layout.pageFailed': '无法加载此页面',
  'layout.pageFailedDetail':
    '请检查与控制台的连接后刷新。不会丢失任何内容：历史记录保存在此浏览器中。',
  'layout.reload': '刷新',

  'nav.encrypt': '加密',
  'nav.decrypt': '解密',
  'nav.history': '历史记录',

  'language.current': '语言：{language}',
  'language.switchTo': '将语言切换为 {language}',
  'theme.toDark': '切换到深色主题',
  'theme.toLight': '切换到浅色主题',

  'upstream.label': 'KMS 上游',
  'upstream.local': '本地 KMS',
  'upstream.cloud': '华为云 · {region}',
  'upstream.project': '项目 {projectId}',

  'signIn.title': '登录',
  'session.endingTitle': '您的会话将于 {time} 结束',
  'session.endingDetail': '保持登录即可继续工作。如果会话结束，请重新登录：本页面会保持原样。',
  'session.stay': '保持登录',

  'copy.copied': '已复制',
  'copy.selectedForManualCopy':
    '此处无法使用剪贴板（纯 HTTP 或被阻止）。文本已选中：请按 Ctrl+C（Mac 上按 ⌘C）复制。',
  'copy.manualTitle': '手动复制',
  'copy.manualExplanation':
    '此处无法使用剪贴板（纯 HTTP 或被阻止）。下面的文本已选中：请按 Ctrl+C（Mac 上按 ⌘C）复制。',
  'copy.manualLabel': '待复制的文本',
  'nav.audit': '审计',
};
