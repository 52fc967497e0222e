import type { Messages } from '../types';
import type { encrypt as english } from '../en/encrypt';

export const encrypt: Messages<typeof english> = {
  'encrypt.title': '加密',
  'encrypt.intro':
    '使用 KMS 密钥加密少量机密数据（最多 4 KB）。明文发送给 KMS，从不保存；历史记录保存解密所需的信息。',
  'encrypt.formLabel': '加密数据',
  'encrypt.keyId': '密钥 ID',
  'encrypt.algorithm': '加密算法',
  'encrypt.algorithmForSpec': '{spec} 密钥支持的算法。',
  'encrypt.algorithmAll': '在确定密钥之前提供所有算法。',
  'encrypt.plainText': '明文',
  'encrypt.byteCounter': '{bytes} / {limit} 字节',
  'encrypt.submit': '加密',
  'encrypt.submitHint': '在明文框中按 Ctrl+Enter 也可加密。',
  'encrypt.failed': '加密失败',
  'encrypt.blankTitle': '明文只有空白字符',
  'encrypt.blankDetail': '明文只包含空格、制表符或换行，通常是粘贴出错。仍要加密吗？',
  'encrypt.blankConfirm': '仍然加密',
  'encrypt.blankCancel': '修改明文',

  'result.viewFailed': '已加密，但无法加载结果页面',
  'result.viewFailedDetail':
    '密文、密钥和加密上下文已保存到历史记录。请检查与控制台的连接并刷新页面。',
  'history.unlistedKey': '未列出的密钥',
  'history.labelField': '标签',
  'history.labelHint': '可选：您自己的描述，便于之后在历史记录中找到这次加密',
};
