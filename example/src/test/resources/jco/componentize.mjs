// Usage: node componentize.mjs <core.wasm or component.wasm> <dbms.wit> <out-dir>
// Wraps the core module into a Component (world dbms, WASI preview 1 reactor adapter) unless it is
// one already, then transpiles it with jco into <out-dir>/guest.js.
import {
  componentEmbed,
  componentNew,
  preview1AdapterReactorPath,
  transpile,
} from '@bytecodealliance/jco';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// wasm-tools runs as a component and reads the WIT file through a preview2 shim, which preopens
// nothing by default; npm may nest several copies of the shim, so every copy gets "/".
const isModuleTree = (name) => name === 'node_modules' || name.startsWith('@');

async function preopenRootInEveryShim(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    if (path.endsWith(join('@bytecodealliance', 'preview2-shim'))) {
      for (const lib of ['dist/nodejs/filesystem.js', 'lib/nodejs/filesystem.js']) {
        const file = join(path, lib);
        if (await stat(file).catch(() => null)) {
          (await import(pathToFileURL(file).href))._setPreopens({ '/': '/' });
        }
      }
    } else if (isModuleTree(entry.name) || isModuleTree(basename(dir))) {
      await preopenRootInEveryShim(path);
    }
  }
}
await preopenRootInEveryShim(join(process.cwd(), 'node_modules'));
const [input, wit, out] = process.argv.slice(2);
let bytes = await readFile(input);
const isComponent = bytes[4] === 0x0d; // a component's layer field, where a module has version 1
if (!isComponent) {
  const embedded = await componentEmbed({
    binary: bytes,
    witPath: resolve(wit),
    world: 'dbms',
    stringEncoding: 'utf8',
  });
  const adapter = await readFile(preview1AdapterReactorPath());
  bytes = await componentNew(embedded, [['wasi_snapshot_preview1', adapter]]);
}
const { files } = await transpile(bytes, { name: 'guest', quiet: true });
for (const [name, content] of Object.entries(files)) {
  const path = join(out, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}
console.log(`transpiled ${isComponent ? 'component' : 'componentized core module'} into ${out}`);
