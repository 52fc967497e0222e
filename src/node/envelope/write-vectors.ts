// Regenerates src/shared/envelope/vectors/*.json: `npx tsx src/node/envelope/write-vectors.ts`.
// Only needed when a vector is added; vectors.test.ts fails if the committed bytes drift.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildVector, VECTOR_INPUTS } from '../../shared/envelope/vector-definitions';

const directory = path.resolve(import.meta.dirname, '../../shared/envelope/vectors');

for (const input of VECTOR_INPUTS) {
  const vector = await buildVector(input);
  const file = path.join(directory, `${input.name}.json`);
  await writeFile(file, `${JSON.stringify(vector, null, 2)}\n`);
  console.warn(`wrote ${path.relative(process.cwd(), file)}`);
}
