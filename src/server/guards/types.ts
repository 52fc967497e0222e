import type { FastifyRequest } from 'fastify';
import type { KmsShapedError } from '../../shared/kms';

/**
 * A check every /api request passes before its body is read: null to let it through, else
 * the error it is refused with. Guards run in order, cheapest refusal first.
 */
export type ApiGuard = (request: FastifyRequest) => KmsShapedError | null;
