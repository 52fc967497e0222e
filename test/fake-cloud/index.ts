export {
  FakeCloud,
  startFakeCloud,
  FAKE_DOMAIN_ID,
  FAKE_KEYS,
  FAKE_USER_ID,
  FAKE_PROJECT_ID,
  type Fault,
  type FakeCloudOptions,
  type FakeKey,
  type FakeKeySpec,
  type FakeKeyState,
  type FakeKeyUsage,
  type RecordedKmsRequest,
} from './fake-cloud';
export { verifyWithOfficialSigner, type ReceivedRequest } from './official-signer';
