import type { Messages } from '../types';
import type { decrypt as english } from '../en/decrypt';

export const decrypt: Messages<typeof english> = {
  'decrypt.title': '解密',
  'decrypt.intro': '粘贴密文进行解密。明文在您选择显示之前保持隐藏。',
  'decrypt.introPrefilled': '已从历史记录填入：请检查各字段后解密。明文在您选择显示之前保持隐藏。',
  'decrypt.formLabel': '解密数据',
  'decrypt.cipherText': '密文',
  'decrypt.cipherTextHint': 'Base64 格式。换行和空格会被忽略。',
  'decrypt.asymmetricTitle': '密钥 ID 与算法',
  'decrypt.asymmetricHint':
    '仅非对称密文（RSA、SM2）需要填写，因为它不携带元数据。对称密文自带密钥信息，两项都可留空。',
  'decrypt.keyId': '密钥 ID',
  'decrypt.algorithm': '加密算法',
  'decrypt.algorithmNotNeeded': '无需填写（对称密文）',
  'decrypt.submit': '解密',
  'decrypt.failed': '解密失败',
  'decrypt.failedAsymmetricWithoutKey':
    '解密失败：该密文未指明密钥，属于非对称密文（RSA、SM2），需要提供密钥 ID 和算法',
  'decrypt.failedMissingContext': '解密失败：该密文加密时使用了加密上下文，请提供相同的键值对',
  'decrypt.failedContextDiffers': '解密失败：加密上下文与加密时使用的不一致',
  'decrypt.filledFromHistory': '已根据历史记录中该密文的条目填写密钥、算法和上下文。',
  'decrypt.filledFromHistoryAt': '已根据历史记录填写密钥、算法和上下文：加密于 {time}。',
  'decrypt.filledFromCipherText':
    '已根据密文本身填写密钥：对称密文会指明其密钥。如果加密时使用了上下文，请补充。',
  'decrypt.namesNoKey':
    '该密文未指明密钥，也不在历史记录中：如果是非对称密文（RSA、SM2），请提供密钥 ID 和算法。',

  'decryptResult.title': '已解密',
  'decryptResult.summary': '已使用密钥 {keyId} 解密：{bytes} 字节。',
  'decryptResult.hidden': '明文已隐藏。点击“显示”查看，或直接复制。',
  'decryptResult.reveal': '显示',
  'decryptResult.hide': '隐藏',
  'decryptResult.plainText': '明文',
  'decryptResult.plainTextBase64': '明文（Base64）',
  'decryptResult.notPrintable': '这些字节不是可打印文本，因此以 Base64 显示。',
  'decryptResult.copyPlainText': '复制明文',
};
