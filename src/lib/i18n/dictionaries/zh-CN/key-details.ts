import type { Messages } from '../types';
import type { keyDetails as english } from '../en/key-details';

export const keyDetails: Messages<typeof english> = {
  'keyDetails.title': '密钥详情',
  'keyDetails.loading': '正在向 KMS 查询该密钥…',
  'keyDetails.failed': '无法查询该密钥',
  'keyDetails.alias': '别名',
  'keyDetails.keyId': '密钥 ID',
  'keyDetails.spec': '规格',
  'keyDetails.usage': '用途',
  'keyDetails.state': '状态',
  'keyDetails.origin': '来源',
  'keyDetails.created': '创建时间',
  'keyDetails.description': '描述',
  'keyDetails.rotation': '轮换',
  'keyDetails.rotationOn': '已开启',
  'keyDetails.rotationOff': '未开启',
  'keyDetails.disabledTitle': '该密钥已禁用',
  'keyDetails.enableInConsole': '在华为云控制台中启用（在新标签页中打开）',
  'keyDetails.enableLocally': '请通过本地 KMS 的 enable-key 操作启用，或选择其他密钥。',
};
