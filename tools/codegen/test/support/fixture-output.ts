import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../../src/config.js';
import { generate } from '../../src/generate.js';
import type { ApiModel, Operation } from '../../src/model/types.js';

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
