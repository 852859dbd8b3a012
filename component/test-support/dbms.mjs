// Opens the transpiled Component on a directory and shortens the values the tests write.
//
// jco's bindings map WIT to JS this way: a variant is `{ tag, val }`, an enum a string, an
// option `undefined` or the value, u64/s64 a BigInt, list<u8> a Uint8Array, record fields
// camelCase, and a `result` error a thrown `ComponentError` whose `payload` is the `dbms-error`.
import { _setPreopens } from "@bytecodealliance/preview2-shim/filesystem";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BINDINGS = new URL("../target/js/dbms.js", import.meta.url);

/** The bindings of the Component built from the guest of the example schema's next version. */
export const V2_BINDINGS = new URL("../target/js-v2/dbms.js", import.meta.url);

/**
 * Instantiates the Component (or the one of `bindings`) with `directory` as its only preopened
 * directory, where it keeps `wasm-dbms.db`. The WASI shim holds one preopen table per process, so
 * a process opens one database; a second instance on the same directory runs in a new process.
 */
export async function openDatabase(directory, bindings = BINDINGS) {
  _setPreopens({ "/data": directory });
  const { database } = await import(bindings);
  return database;
}

/** A fresh temporary directory, and a function that removes it. */
export function temporaryDirectory() {
  const directory = mkdtempSync(join(tmpdir(), "wasm-dbms-component-"));
  return { directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

export const u32 = (val) => ({ tag: "u32-val", val });
export const u64 = (val) => ({ tag: "u64-val", val: BigInt(val) });
export const text = (val) => ({ tag: "text-val", val });
export const f64 = (val) => ({ tag: "f64-val", val });
export const NULL = { tag: "null-val" };

/** A WIT `row` from an object of column name to value, in the object's key order. */
export function row(columns) {
  return Object.entries(columns).map(([name, value]) => ({ name, value }));
}

/** A WIT `row` back to an object of column name to value. */
export function columns(witRow) {
  return Object.fromEntries(witRow.map(({ name, value }) => [name, value]));
}

export const user = (id, name, email) => row({ id: u32(id), name: text(name), email: text(email) });
export const post = (id, title, userId, content = `about ${title}`) =>
  row({ id: u32(id), title: text(title), content: text(content), user: u32(userId) });
export const comment = (id, body, postId) =>
  row({ id: u32(id), body: text(body), post_id: u32(postId) });

/** A WIT `query`: every row unless `parts` sets `filter`, `orderBy`, `limit`, `offset`, … */
export function query(parts = {}) {
  return {
    filter: undefined,
    distinctBy: [],
    eagerRelations: [],
    joins: [],
    groupBy: [],
    having: undefined,
    orderBy: [],
    limit: undefined,
    offset: undefined,
    ...parts,
  };
}

/** The wire-format filter `column = value` for a u32 column. */
export const idIs = (id, column = "id") => JSON.stringify({ Eq: [column, { Uint32: id }] });

/** The values of `column` in the rows of a `select`, in order. */
export function valuesOf(rows, column) {
  return rows.map((witRow) => columns(witRow)[column].val);
}

/**
 * Asserts that `call` throws jco's ComponentError carrying the `dbms-error` case `tag`, and
 * returns the case's detail (undefined for cases without one).
 */
export function assertDbmsError(call, tag) {
  let payload;
  assert.throws(call, (error) => {
    assert.equal(error.constructor.name, "ComponentError", `not a ComponentError: ${error}`);
    payload = error.payload;
    return true;
  });
  assert.equal(payload.tag, tag, `expected ${tag}, got ${JSON.stringify(payload)}`);
  return payload.val;
}

/** A text's length and SHA-256, to compare multi-MiB values across processes. */
export function digest(value) {
  return { length: value.length, sha256: createHash("sha256").update(value).digest("hex") };
}

/**
 * Runs `action` of database-process.mjs in a new Node process (a new instance of the Component)
 * on `directory`, and returns what it printed, parsed.
 */
export function inNewProcess(directory, action) {
  const script = new URL("./database-process.mjs", import.meta.url).pathname;
  const child = spawnSync(process.execPath, [script, directory, action], { encoding: "utf8" });
  assert.equal(child.status, 0, `${action} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}
