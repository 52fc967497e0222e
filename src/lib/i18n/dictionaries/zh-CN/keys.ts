import type { Messages } from '../types';
import type { keys as english } from '../en/keys';

export const keys: Messages<typeof english> = {
  'keys.listLabel': '可用密钥',
  'keys.placeholder': '选择密钥或粘贴密钥 ID',
  'keys.hint': '共列出 {count} 个密钥。可按别名、ID 或规格搜索，也可粘贴任意密钥 ID。',
  'keys.loading': '正在加载密钥列表…',
  'keys.listFailed': '无法加载密钥列表。您仍可直接输入密钥 ID。',
  'keys.lookingUp': '正在查询此密钥…',
  'keys.unlisted': '此密钥不在密钥列表中；将按输入内容发送，并提供所有算法。',
  'keys.noAlias': '（无别名）',
  'keys.state.1': '待激活',
  'keys.state.2': '已启用',
  'keys.state.3': '已禁用',
  'keys.state.4': '计划删除',
  'keys.state.5': '待导入',
  'keys.reason.disabled': '已禁用：请先在 KMS 中启用。',
  'keys.reason.pendingDeletion': '已计划删除：取消删除后才能使用。',
  'keys.reason.pendingActivation': '尚未激活。',
  'keys.reason.pendingImport': '尚未导入密钥材料。',
  'keys.reason.signOnly': '仅用于签名的密钥：不能加密或解密。',
  'keys.reason.notSymmetric': '非对称密钥：文件加密需要对称密钥（AES 或 SM4）。',
  'keys.noAlgorithm': '无：该密钥仅用于签名',

  'keyDetails.open': '密钥详情',

  'algorithm.SYMMETRIC_DEFAULT': 'SYMMETRIC_DEFAULT（AES-256 / SM4）',
  'algorithm.RSAES_OAEP_SHA_256': 'RSAES_OAEP_SHA_256（RSA-OAEP，SHA-256）',
  'algorithm.RSAES_OAEP_SHA_1': 'RSAES_OAEP_SHA_1（RSA-OAEP，SHA-1）',
  'algorithm.SM2_ENCRYPT': 'SM2_ENCRYPT（SM2）',

  'context.legend': '加密上下文',
  'context.encryptDescription':
    '可选的键值对，与密文绑定。解密时必须提供完全相同的键值对，因此会保存在历史记录中。',
  'context.decryptDescription': '加密时提供的键值对（如有）。上下文不同会导致解密失败。',
  'context.notForAsymmetric': '非对称密钥（RSA、SM2）不使用加密上下文：其密文只与密钥绑定。',
  'context.keyLabel': '上下文键 {n}',
  'context.valueLabel': '上下文值 {n}',
  'context.add': '添加上下文键值对',
  'context.remove': '删除上下文键值对',
  'context.removeNumbered': '删除第 {n} 个上下文键值对',
};
