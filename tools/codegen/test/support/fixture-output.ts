import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../../src/config.js';
import { generate } from '../../src/generate.js';
import type { ApiModel, Operation } from '../../src/model/types.js';
import { REPO_ROOT } from './repo.js';

/** One fixture spec generated into `<root>/<fixture>`, as another API would be. */
export interface FixtureOutput {
  readonly model: ApiModel;
  readonly dir: string;
  /** Text of a generated file, relative to the fixture's output folder. */
  readonly read: (file: string) => string;
  /** The operation with this id; throws when there is none. */
  readonly operation: (id: string) => Operation;
}

/** Generates a fixture as its own API: scope `@<fixture name>`, product name `Fixture`, scaffold included. */
export async function generateFixture(options: { spec: string; root: string }): Promise<FixtureOutput> {
  const name = path.basename(options.spec).replace(/\.\w+$/, '');
  const dir = path.join(options.root, name);
  const config = resolveConfig({ config: { spec: options.spec, out: dir, scope: `@${name}`, name: 'Fixture' }, baseDir: dir });
  const { model } = await generate({ config });
  return {
    model,
    dir,
    read: (file) => readFileSync(path.join(dir, file), 'utf8'),
    operation: (id) => {
      const found = model.operations.find((operation) => operation.id === id);
      if (!found) throw new Error(`no operation ${id} in ${options.spec}`);
      return found;
    },
  };
}

/**
 * Generates a fixture whose client and msw packages can be imported and run in place: the
 * scaffolded packages have no install of their own, so they borrow this repository's
 * node_modules, and `@<fixture>/types` resolves to its sources, unbuilt (the client's runtime
 * imports a value from it).
 */
export async function generateRunnableFixture(options: { spec: string; root: string }): Promise<FixtureOutput> {
  const output = await generateFixture(options);
  for (const folder of ['client', 'msw']) {
    const link = path.join(output.dir, folder, 'node_modules');
    if (!existsSync(link)) symlinkSync(path.join(REPO_ROOT, 'packages', folder, 'node_modules'), link, 'dir');
  }
  const scope = `@${path.basename(output.dir)}`;
  const types = path.join(options.root, 'node_modules', scope, 'types');
  mkdirSync(types, { recursive: true });
  writeFileSync(path.join(types, 'package.json'), JSON.stringify({ name: `${scope}/types`, type: 'module', exports: './index.ts' }));
  writeFileSync(path.join(types, 'index.ts'), `export * from ${JSON.stringify(path.join(output.dir, 'types/src/index.ts'))};\n`);
  return output;
}
