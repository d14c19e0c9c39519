import path from 'node:path';
import type { PlannedFile } from './emit/shared.js';

/**
 * After pruning, a scaffolded package may have lost entry points (a `src/cli.ts` that needed the
 * template API's stateful mock, say). This drops what points at them, so the package builds and
 * packs: tsdown `entry` items whose source is gone, `bin/` launchers that load a missing build
 * output, and package.json `bin` and `exports` entries (and the `bin` folder in `files`) for them.
 */
export function alignPackageEntries(options: { files: readonly PlannedFile[]; folders: readonly string[] }): PlannedFile[] {
  const paths = new Set(options.files.map((file) => file.path));
  const hasSource = (folder: string, stem: string) => paths.has(`${folder}/src/${stem}.ts`) || paths.has(`${folder}/src/${stem}.tsx`);
  const droppedBins = new Set(
    options.files
      .filter((file) => {
        const folder = folderOf({ file: file.path, folders: options.folders });
        if (!folder || !file.path.startsWith(`${folder}/bin/`)) return false;
        const loads = [...file.content.matchAll(/['"]\.\.\/dist\/([^'"]+?)\.(?:c|m)?js['"]/g)].map((match) => match[1] as string);
        return loads.some((stem) => !hasSource(folder, stem));
      })
      .map((file) => file.path),
  );
  return options.files
    .filter((file) => !droppedBins.has(file.path))
    .map((file) => {
      const folder = folderOf({ file: file.path, folders: options.folders });
      if (!folder) return file;
      const isKept = (relative: string) => {
        const target = path.posix.join(folder, relative);
        return paths.has(target) && !droppedBins.has(target);
      };
      if (file.path === `${folder}/tsdown.config.ts`) {
        return { ...file, content: alignTsdownEntries({ content: file.content, hasSource: (stem) => hasSource(folder, stem) }) };
      }
      if (file.path === `${folder}/package.json`) {
        return { ...file, content: alignPackageJson({ content: file.content, hasSource: (stem) => hasSource(folder, stem), isKept }) };
      }
      return file;
    });
}

function folderOf(options: { file: string; folders: readonly string[] }): string | undefined {
  return options.folders.find((folder) => options.file.startsWith(`${folder}/`));
}

/** `entry: ['src/index.ts', 'src/cli.ts']` without the items whose source file is not there. */
function alignTsdownEntries(options: { content: string; hasSource: (stem: string) => boolean }): string {
  return options.content.replace(/entry:\s*\[([^\]]*)\]/, (whole, list: string) => {
    const items = [...list.matchAll(/(['"])src\/([^'"]+?)\.tsx?\1/g)];
    const kept = items.filter((item) => options.hasSource(item[2] as string)).map((item) => item[0]);
    return kept.length === items.length ? whole : `entry: [${kept.join(', ')}]`;
  });
}

/** The build output a package.json path names (`./dist/browser.d.cts` → `browser`), or undefined for other paths. */
function distStem(target: string): string | undefined {
  return /^\.\/dist\/(.+?)\.(?:d\.)?(?:c|m)?(?:js|ts)$/.exec(target)?.[1];
}

function alignPackageJson(options: {
  content: string;
  hasSource: (stem: string) => boolean;
  isKept: (relative: string) => boolean;
}): string {
  const json = JSON.parse(options.content) as Record<string, unknown>;
  const leaves = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];
  const builds = (value: unknown) =>
    leaves(value).every((target) => {
      const stem = distStem(target);
      return stem === undefined || options.hasSource(stem);
    });
  const aligned: Record<string, unknown> = { ...json };
  if (json.exports && typeof json.exports === 'object') {
    aligned.exports = Object.fromEntries(Object.entries(json.exports).filter(([, value]) => builds(value)));
  }
  if (typeof json.bin === 'string' && !options.isKept(json.bin)) delete aligned.bin;
  if (json.bin && typeof json.bin === 'object') {
    const bins = Object.entries(json.bin as Record<string, string>).filter(([, file]) => options.isKept(file));
    if (bins.length === 0) delete aligned.bin;
    else aligned.bin = Object.fromEntries(bins);
  }
  if (Array.isArray(json.files) && aligned.bin === undefined) {
    aligned.files = json.files.filter((entry) => !(typeof entry === 'string' && /^\.?\/?bin\/?$/.test(entry)));
  }
  return `${JSON.stringify(aligned, null, 2)}\n`;
}
