import type { Messages } from '../types';
import type { validation as english } from '../en/validation';

export const validation: Messages<typeof english> = {
  'validation.keyId.required': '请输入或选择密钥 ID。',
  'validation.keyId.format': '密钥 ID 为 36 个字符：按 8-4-4-4-12 排列的小写十六进制数字。',
  'validation.keyId.requiredForAsymmetric': '非对称密文不含密钥 ID：请输入加密时使用的密钥。',
  'validation.keyId.disabled': '此密钥已禁用，无法使用。',
  'validation.keyId.pendingDeletion': '此密钥已计划删除，无法使用。',
  'validation.keyId.pendingActivation': '此密钥尚未激活。',
  'validation.keyId.pendingImport': '此密钥尚无密钥材料。',
  'validation.keyId.signOnly': '这是仅用于签名的密钥：不能加密或解密。',
  'validation.algorithm.notForKey': '{spec} 密钥不支持 {algorithm}。',
  'validation.algorithm.requiredForAsymmetric': '请选择生成该非对称密文时使用的算法。',
  'validation.plainText.required': '请输入要加密的明文。',
  'validation.plainText.tooLong':
    '明文为 {bytes} 字节；此密钥和算法最多支持 {limit} 字节（UTF-8）。',
  'validation.plainText.notUnicode':
    '文本包含无效的 Unicode 字符（单独的代理项），无法按原样加密。',
  'validation.cipherText.required': '请粘贴要解密的密文。',
  'validation.cipherText.notBase64':
    '这不是 Base64：密文中不能出现“{char}”（只能是 A–Z、a–z、0–9、+、/、=）。',
  'validation.cipherText.format':
    '密文应为 128 到 5648 个字符的 Base64（A–Z、a–z、0–9、+、/、=）；当前为 {length} 个字符。',
  'validation.context.keyRequired': '上下文键不能为空。',
  'validation.context.keyDuplicate': '该键已在第 {pair} 个键值对中使用。',
  'validation.context.tooLong': '加密上下文序列化后为 {length} 个字符；最多允许 {limit} 个。',
};
