/** Child entry: the local KMS alone, configured by the LOCAL_KMS_* variables the parent sets. */
import { buildLocalKms, loadLocalKmsConfig } from '../../src/kms-local';
import { announceReady } from '../lib/children';

const kms = await buildLocalKms(loadLocalKmsConfig(process.env));
const url = await kms.listen();
announceReady(url, () => kms.close());
