export {
  FakeCloud,
  startFakeCloud,
  FAKE_DOMAIN_ID,
  FAKE_KEYS,
  FAKE_PROJECT_ID,
  type Fault,
  type FakeCloudOptions,
  type RecordedKmsRequest,
} from './fake-cloud';
export { verifyWithOfficialSigner, type ReceivedRequest } from './official-signer';
