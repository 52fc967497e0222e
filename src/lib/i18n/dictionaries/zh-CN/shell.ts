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
  'signIn.explanation':
    '此控制台受访问令牌保护。请向管理员索取令牌；令牌会换成会话 Cookie，浏览器不会保存令牌本身。',
  'signIn.accessToken': '访问令牌',
  'signIn.accessTokenRequired': '请输入访问令牌。',
  'signIn.submit': '登录',
  'signIn.failed': '登录失败',

  'operator.title': '需要您的 IAM 令牌',
  'operator.explanation':
    '此控制台不持有任何云凭证：请求使用您自己的华为云 IAM 令牌。令牌随每个请求以 X-Auth-Token 发送，服务器从不保存。',
  'operator.tokenLabel': 'IAM 令牌',
  'operator.tokenRequired': '请粘贴 IAM 令牌。',
  'operator.keepForTab': '在本浏览器标签页内保留（sessionStorage），而不仅保存在内存中',
  'operator.use': '使用令牌',
  'operator.setTitle': '已设置 IAM 令牌',
  'operator.inMemory': '仅保存在内存中：刷新页面后即失效。',
  'operator.keptForTab': '仅在本标签页内保留；关闭标签页后即失效。',
  'operator.forget': '清除令牌',

  'copy.copied': '已复制',
  'copy.selectedForManualCopy':
    '此处无法使用剪贴板（纯 HTTP 或被阻止）。文本已选中：请按 Ctrl+C（Mac 上按 ⌘C）复制。',
  'copy.manualTitle': '手动复制',
  'copy.manualExplanation':
    '此处无法使用剪贴板（纯 HTTP 或被阻止）。下面的文本已选中：请按 Ctrl+C（Mac 上按 ⌘C）复制。',
  'copy.manualLabel': '待复制的文本',
};
