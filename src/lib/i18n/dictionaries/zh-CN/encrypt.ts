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

  'result.viewFailed': '已加密，但无法加载结果页面',
  'result.viewFailedDetail':
    '密文、密钥和加密上下文已保存到历史记录。请检查与控制台的连接并刷新页面。',
  'result.title': '结果',
  'result.encryptedAt': '已于 {time} 加密，并保存到历史记录（不含明文）。',
  'result.back': '继续加密',
  'result.cipherText': '密文',
  'result.cipherTextHint': '共 {length} 个 Base64 字符。',
  'result.keyId': '密钥 ID',
  'result.algorithm': '算法',
  'result.noContext': '无',
  'result.copyCipherText': '复制密文',
  'result.copyKeyId': '复制密钥 ID',
  'result.copyAlgorithm': '复制算法',
  'result.copyDecryptRequest': '复制解密请求',
  'result.copyCurl': '复制为 curl 命令',
  'result.copyHcloud': '复制为 hcloud CLI 命令',
  'result.commandsHint':
    '这些命令用于解密此密文，且不含任何机密：curl 从 $KMS_AUTH_TOKEN 读取令牌，hcloud 使用您已配置的 profile。',
  'result.verify': '验证',
  'result.verifyHint': '通过服务器解密并比对，不显示明文。',
  'result.verified': '往返验证通过',
  'result.verifiedDetail': '该密文解密后与您输入的文本完全一致。',
  'result.mismatch': '往返验证不一致',
  'result.mismatchDetail': '密文可以解密，但结果与您输入的文本不同。',
  'result.verifyFailed': '验证失败',
};
