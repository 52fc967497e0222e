import type { Messages } from '../types';
import type { audit as english } from '../en/audit';

export const audit: Messages<typeof english> = {
  'audit.title': '审计',
  'audit.intro':
    '通过此控制台进行的每次加密、解密、验证、历史记录变更、登录和退出，以及操作者和结果。事件从不会被修改或删除。',
  'audit.filters': '筛选',
  'audit.actor': '操作者',
  'audit.action': '操作',
  'audit.anyAction': '任意操作',
  'audit.keyId': '密钥 ID',
  'audit.outcome': '结果',
  'audit.outcomeHint': 'ok，或错误码，例如 KMS.0207',
  'audit.from': '起始日期',
  'audit.to': '截止日期',
  'audit.time': '时间',
  'audit.requestId': '请求 ID',
  'audit.failed': '无法加载审计记录',
  'audit.empty': '没有匹配的事件',
  'audit.loadMore': '加载更多',
  'audit.off': '此控制台未保存团队历史记录（CONSOLE_HISTORY=off），因此没有审计记录。',
};
