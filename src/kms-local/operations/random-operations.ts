/** gen-random (KMS-API-2.md §3.1): the schema has checked the length (8–8192, whole bytes). */
import { randomBytes } from 'node:crypto';
import { wholeNumberValue } from '../../shared/kms';
import type { OperationGroup } from './operation-group';

export function randomOperations(): OperationGroup<'gen-random'> {
  return {
    async 'gen-random'(request) {
      const bytes = wholeNumberValue(request.random_data_length) / 8;
      // Upper-case hex, as the documented example shows.
      return { random_data: randomBytes(bytes).toString('hex').toUpperCase() };
    },
  };
}
