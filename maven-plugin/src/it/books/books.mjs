// Runs the books Component the plugin built (target/books.component.wasm, bindings in target/js)
// under Node: inserts two books and selects them back, from a database in ./data.
//
// The WASI shim keeps one table of preopened directories per process, and the bindings use the
// shim that Node resolves from this directory (node_modules/@bytecodealliance/preview2-shim), so
// _setPreopens must come from that same package, and run before the bindings are imported.
import { _setPreopens } from "@bytecodealliance/preview2-shim/filesystem";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

const data = resolve("data");
mkdirSync(data, { recursive: true });
_setPreopens({ "/data": data });
const { database } = await import("./target/js/dbms.js");

const book = (id, title, author, year) => [
  { name: "id", value: { tag: "u32-val", val: id } },
  { name: "title", value: { tag: "text-val", val: title } },
  { name: "author", value: { tag: "text-val", val: author } },
  { name: "year", value: { tag: "i32-val", val: year } },
];
// Every field of the WIT record `query`: an option is `undefined` when absent, a list `[]`.
const everyRow = {
  filter: undefined,
  distinctBy: [],
  eagerRelations: [],
  joins: [],
  groupBy: [],
  having: undefined,
  orderBy: [{ column: "year", direction: "asc" }],
  limit: undefined,
  offset: undefined,
};

if (database.select("books", everyRow, undefined).length === 0) {
  database.insert("books", book(1, "  Dune ", "Frank Herbert", 1965), undefined);
  database.insert("books", book(2, "Emma", "Jane Austen", 1815), undefined);
}
const rows = database.select("books", everyRow, undefined);
for (const row of rows) {
  console.log(row.map(({ name, value }) => `${name}=${value.val}`).join(" "));
}
if (rows.length !== 2 || rows[1].find((c) => c.name === "title").value.val !== "Dune") {
  throw new Error(`unexpected rows: ${JSON.stringify(rows)}`);
}
