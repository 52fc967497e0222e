import type { Messages } from '../types';
import type { fileMode as english } from '../en/file-mode';

export const fileMode: Messages<typeof english> = {
  'fileMode.encrypt.formLabel': '加密文件',
  'fileMode.decrypt.formLabel': '解密文件',
  'fileMode.encrypt.file': '要加密的文件',
  'fileMode.decrypt.file': '已加密的文件',
  'fileMode.drop':
    '将文件拖放到此处或选择文件。文件在本浏览器中加密，从不上传：只有其数据密钥会发送到 KMS。',
  'fileMode.dropDecrypt':
    '将 .kmsenc 文件拖放到此处或选择文件。文件在本浏览器中解密；只有其数据密钥会发送到 KMS。',
  'fileMode.chosen': '{name} · {size}',
  'fileMode.fileRequired': '请选择文件。',
  'fileMode.algorithmHint':
    '信封加密：KMS 用此密钥生成数据密钥，文件在此处以 AES-256-GCM 按 1 MiB 分段认证加密。',
  'fileMode.notSymmetric': '文件需要对称密钥（AES_256 或 SM4）；{spec} 不能生成数据密钥。',
  'fileMode.label': '标签（可选）',
  'fileMode.labelHint': '与文件名一起保存在历史记录中，绝不写入文件。',
  'fileMode.encrypt.submit': '加密文件',
  'fileMode.decrypt.submit': '解密文件',
  'fileMode.encrypt.progress': '加密进度',
  'fileMode.decrypt.progress': '解密进度',
  'fileMode.progress': '{done} / {total} · {speed} MiB/s',
  'fileMode.encrypt.done': '已加密 {name}（{size}），用时 {seconds} 秒。',
  'fileMode.decrypt.done':
    '已解密 {name}（{size}），用时 {seconds} 秒：每个分段均已验证，未被修改。',
  'fileMode.encrypt.download': '下载加密文件',
  'fileMode.decrypt.download': '下载解密文件',
  'fileMode.saved': '已保存到您选择的文件：{name}。',
  'fileMode.fingerprint': '信封指纹（信封头的 SHA-256）',
  'fileMode.keyOfFile': 'KMS 密钥',
  'fileMode.another': '处理其他文件',
  'fileMode.encrypt.failed': '无法加密该文件',
  'fileMode.decrypt.failed': '文件被拒绝',
  'fileMode.failure.notEnvelope': '这不是本控制台的信封文件：其开头不符合格式。未解密任何内容。',
  'fileMode.failure.changed': '文件在加密后被修改：认证校验失败。不提供任何明文。',
  'fileMode.failure.truncated': '文件被截断：在最后一个分段之前就结束了。不提供任何明文。',
  'fileMode.failure.foreign':
    'KMS 无法解密数据密钥：该文件使用其他 KMS 或项目的密钥加密，或该密钥当前不可用。',
  'fileMode.failure.contextMismatch': '加密上下文与文件的不一致。',
  'fileMode.failure.dataKeyUnavailable': 'KMS 未为此密钥提供数据密钥。',
  'fileMode.failure.notText': '信封中的内容不是 UTF-8 文本：请在“文件”模式下解密。',
  'fileMode.failure.unreadable': '浏览器无法读取该文件：文件是否已被移动或修改？',
  'fileMode.failure.generic': '意外失败：{message}',
  'fileMode.longText.offer':
    '此文本为 {bytes} 字节；KMS 最多直接加密 {limit} 字节。请改用信封加密：KMS 数据密钥在此处加密，结果为一段封装文本。',
  'fileMode.longText.submit': '以信封方式加密',
  'fileMode.longText.result': '信封',
  'fileMode.longText.resultHint': '将其粘贴到“解密”页面（文本）即可解密；它自带密钥和上下文信息。',
  'fileMode.longText.copy': '复制信封',
  'fileMode.longText.back': '加密其他内容',
  'fileMode.longText.decrypted': '解密后的文本',
  'fileMode.longText.decryptedHint': '来自信封：每个分段均已验证。',
  'fileMode.longText.copyPlain': '复制文本',
  'fileMode.longText.failed': '无法解密该信封',
};
