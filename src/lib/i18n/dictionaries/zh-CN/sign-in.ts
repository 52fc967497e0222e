import type { Messages } from '../types';
import type { signIn as english } from '../en/sign-in';

export const signIn: Messages<typeof english> = {
  'signIn.explanation':
    '此控制台受访问令牌保护。请向管理员索取令牌；令牌会换成会话 Cookie，浏览器不会保存令牌本身。',
  'signIn.accessToken': '访问令牌',
  'signIn.accessTokenRequired': '请输入访问令牌。',
  'signIn.submit': '登录',
  'signIn.failed': '登录失败',
  'signIn.expired': '您的会话已结束。重新登录后将回到您离开时的页面。',
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
};
