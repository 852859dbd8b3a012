// Values of several MiB cross the Component boundary intact, in both directions; the guest's
// limits (4 MiB per value, 8 MiB of strings per call) answer typed errors.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  assertDbmsError,
  columns,
  idIs,
  openDatabase,
  post,
  query,
  row,
  temporaryDirectory,
  text,
  user,
} from "../test-support/dbms.mjs";

const MIB = 1 << 20;
const MAX_VALUE_BYTES = 4 * MIB;

const storage = temporaryDirectory();
let db;

before(async () => {
  db = await openDatabase(storage.directory);
  db.insert("users", user(1, "Alice", "alice@example.com"), undefined);
});
after(() => storage.remove());

/** Text of exactly `bytes` UTF-8 bytes mixing 1-, 2-, 3- and 4-byte characters. */
function mixedText(bytes, seed) {
  const pieces = ["a", "\u00e9", "\u65e5", "\ud83d\ude00", String(seed % 10)];
  let out = "";
  let size = 0;
  for (let i = seed; size + 4 <= bytes; i++) {
    const piece = pieces[i % pieces.length];
    out += piece;
    size += Buffer.byteLength(piece);
  }
  return out + "z".repeat(bytes - size);
}

const contentOf = (id) => columns(db.select("posts", query({ filter: idIs(id) }), undefined)[0]).content.val;

test("a 4 MiB value, the largest allowed, is stored and read back unchanged", () => {
  const content = mixedText(MAX_VALUE_BYTES, 1);
  assert.equal(Buffer.byteLength(content), MAX_VALUE_BYTES);
  const stored = db.insert("posts", post(10, "big", 1, content), undefined);
  assert.equal(columns(stored).content.val, content, "the returned stored row");
  assert.equal(contentOf(10), content, "a later select");
  const filter = JSON.stringify({ Like: ["content", `${content.slice(0, 16)}%`] });
  assert.equal(db.select("posts", query({ filter }), undefined).length, 1, "LIKE over a 4 MiB value");
});

test("a multi-MiB update replaces the value", () => {
  const replaced = mixedText(3 * MIB, 4);
  assert.equal(db.update("posts", row({ content: text(replaced) }), idIs(10), undefined), 1n);
  assert.equal(contentOf(10), replaced);
});

test("a value one byte over 4 MiB is a constraint-violation, counted in UTF-8 bytes", () => {
  assertDbmsError(
    () => db.insert("posts", post(11, "x", 1, "x".repeat(MAX_VALUE_BYTES + 1)), undefined),
    "constraint-violation",
  );
  // Fewer than 4 Mi characters, but 2 bytes each.
  assertDbmsError(
    () => db.insert("posts", post(11, "x", 1, "\u00e9".repeat(MAX_VALUE_BYTES / 2 + 1)), undefined),
    "constraint-violation",
  );
  assertDbmsError(
    () => db.insert("posts", post(11, "x".repeat(4 * MIB), 1, "y".repeat(4 * MIB)), undefined),
    "constraint-violation",
    "all strings of one call together are limited to 8 MiB",
  );
  assert.equal(db.select("posts", query({ filter: idIs(11) }), undefined).length, 0);
});

