import type { Messages } from '../types';
import type { result as english } from '../en/result';

export const result: Messages<typeof english> = {
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
