// The built Component is a Component (not a core module), and docs/component.md shows the
// interface it actually declares.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const COMPONENT = new URL("../target/wasm-dbms-example-guest.component.wasm", import.meta.url);
const DECLARED_WIT = new URL("../target/js/dbms.wit", import.meta.url);
const DOCUMENT = new URL("../../docs/component.md", import.meta.url);

test("the artifact has the binary header of a Component", () => {
  const header = readFileSync(COMPONENT).subarray(0, 8);
  // "\0asm", then version 0x0d and layer 1 (a core module has version 1, layer 0).
  assert.deepEqual([...header], [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
});

test("it exports the database interface and imports nothing but WASI and its own types", () => {
  const wit = readFileSync(DECLARED_WIT, "utf8");
  assert.match(wit, /^ {2}export wasm-dbms:dbms\/database@0\.1\.0;$/m);
  const imports = [...wit.matchAll(/^ {2}import (\S+);$/gm)].map((match) => match[1]);
  assert.ok(imports.length > 0);
  for (const name of imports) {
    assert.ok(name.startsWith("wasi:") || name === "wasm-dbms:dbms/types@0.1.0", name);
  }
});

test("docs/component.md shows the jco wit output of this Component", () => {
  const wit = readFileSync(DECLARED_WIT, "utf8").trimEnd();
  const document = readFileSync(DOCUMENT, "utf8");
  assert.ok(document.includes("```wit\n" + wit + "\n```"), "docs/component.md is out of date");
});
