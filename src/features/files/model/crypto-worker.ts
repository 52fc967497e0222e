/**
 * A worker thread that seals or opens runs of frames (frame-runs.ts). The content key arrives
 * as a non-extractable CryptoKey with each run and is not kept.
 */
import { runFrames, type RunReply, type RunRequest } from './frame-runs';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ id: number; request: RunRequest }>) => void) | null;
  postMessage(message: { id: number; reply: RunReply }): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, request } = event.data;
  void runFrames(request).then((reply) => scope.postMessage({ id, reply }));
};
