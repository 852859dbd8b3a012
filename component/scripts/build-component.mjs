// Wraps the guest core module into a WebAssembly Component and transpiles it to JS bindings.
//
// Usage: node build-component.mjs <core.wasm> <dbms.wit> <world> <component.wasm> <bindings-dir>
//
// Steps, all through jco's JS API (the same code its CLI runs):
//   1. embed the WIT world into the core module (the `component-type` custom section). The CLI's
//      `jco embed` ignores --world-name and reads --wit through a sandbox that cannot see the
//      file system, so the WIT source is passed as text with the world named explicitly;
//   2. `jco new --wasi-reactor`: adapt the module's WASI preview 1 imports to WASI 0.2 with the
//      reactor adapter (the guest is a library, it has no `_start`);
//   3. `jco transpile` into <bindings-dir>/dbms.js, and `jco wit` into <bindings-dir>/dbms.wit
//      (the interface as the Component itself declares it).
// Fails if the Component imports anything but WASI or does not export the database interface.
import {
  componentEmbed,
  componentNew,
  componentWit,
  preview1AdapterReactorPath,
  transpile,
} from "@bytecodealliance/jco";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

const EXPORTED_INTERFACE = "wasm-dbms:dbms/database@0.1.0";
const WASI_SHIM = "@bytecodealliance/preview2-shim/";

const [corePath, witPath, world, componentPath, bindingsDir] = process.argv.slice(2);
if (!bindingsDir) {
  console.error(
    "usage: build-component.mjs <core.wasm> <dbms.wit> <world> <component.wasm> <bindings-dir>",
  );
  process.exit(2);
}

const started = Date.now();
const core = await readFile(corePath);
const embedded = await componentEmbed({
  binary: core,
  witSource: await readFile(witPath, "utf8"),
  world,
  stringEncoding: "utf8",
});
const component = await componentNew(embedded, [
  ["wasi_snapshot_preview1", await readFile(preview1AdapterReactorPath())],
]);
await mkdir(dirname(resolve(componentPath)), { recursive: true });
await writeFile(componentPath, component);

const { files, imports, exports } = await transpile(component, {
  name: "dbms",
  outDir: bindingsDir,
  quiet: true,
});
// jco maps every WASI import, and only those, to its WASI shim.
const foreignImports = imports.filter((name) => !name.startsWith(WASI_SHIM));
if (foreignImports.length > 0) {
  throw new Error(`the Component needs host imports beyond WASI: ${foreignImports.join(", ")}`);
}
if (!exports.some(([name]) => name === EXPORTED_INTERFACE)) {
  throw new Error(`the Component does not export ${EXPORTED_INTERFACE}: ${JSON.stringify(exports)}`);
}
await rm(bindingsDir, { recursive: true, force: true });
for (const [path, contents] of Object.entries(files)) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, contents);
}
await writeFile(join(bindingsDir, "dbms.wit"), await componentWit(component));

console.log(
  `core module ${core.length} bytes -> component ${componentPath} ${component.length} bytes; ` +
    `bindings in ${bindingsDir} (${Object.keys(files).length} files); ` +
    `host imports: ${imports.join(", ")}; ${Date.now() - started} ms`,
);
