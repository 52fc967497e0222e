/**
 * Scheduled rotation runs before every operation, so a key used after its rotation fell due
 * already encrypts with its new material; operations that change when a key falls due make
 * the schedule look again.
 */
import type { KmsOperation } from '../../shared/kms';
import type { OperationHandlers } from './operation-group';
import type { RotationSchedule } from './rotation-schedule';

const RESCHEDULING: ReadonlySet<KmsOperation> = new Set<KmsOperation>([
  'enable-key-rotation',
  'disable-key-rotation',
  'update-key-rotation-interval',
  'rotate-on-demand',
  'enable-key',
]);

type AnyHandler = (request: never) => Promise<unknown>;

export function withScheduledRotation(
  handlers: OperationHandlers,
  schedule: RotationSchedule,
): OperationHandlers {
  const scheduled: Record<string, AnyHandler> = {};
  for (const [name, handler] of Object.entries(handlers) as [KmsOperation, AnyHandler][]) {
    scheduled[name] = async (request) => {
      await schedule.rotateDue();
      try {
        return await handler(request);
      } finally {
        if (RESCHEDULING.has(name)) schedule.invalidate();
      }
    };
  }
  // Same names, same signatures: each wrapper forwards its request and answer unchanged.
  return scheduled as unknown as OperationHandlers;
}
