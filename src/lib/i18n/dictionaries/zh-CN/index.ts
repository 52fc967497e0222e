import type { Dictionary } from '../en';
import { zhCNCore } from './core';
import { zhCNRest } from './rest';

/** 简体中文. Loaded on demand: only users who choose Chinese download it. */
export const zhCN: Dictionary = { ...zhCNCore, ...zhCNRest };
