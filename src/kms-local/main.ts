/** `npm run kms:local`: the local KMS on its own. */
import { buildLocalKms, loadLocalKmsConfig } from './index';

async function main(): Promise<void> {
  let config;
  try {
    config = loadLocalKmsConfig(process.env);
  } catch (error) {
    console.error(`Configuration error: ${(error as Error).message}`);
    process.exit(1);
  }
  const kms = await buildLocalKms(config);
  await kms.listen();
  console.log(kms.describeStartup());
  const stop = () => {
    kms.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Local KMS failed to start: ${(error as Error).message}`);
  process.exit(1);
});
