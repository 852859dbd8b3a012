// Usage: node drive.mjs <transpiled-dir> <data-dir> <steps.json>
// Runs each step against the jco-transpiled guest and prints one canonical JSON line per step,
// in the form the Java test prints for the same steps (see JcoCrossCheckTest).
import { _setPreopens } from '@bytecodealliance/preview2-shim/filesystem';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [jsDir, dataDir, stepsFile] = process.argv.slice(2);
_setPreopens({ '/': dataDir });
const { database } = await import(pathToFileURL(join(jsDir, 'guest.js')).href);
const steps = JSON.parse(await readFile(stepsFile, 'utf8'));

const BIG = new Set(['u64-val', 'i64-val']);
const FLOAT = new Set(['f32-val', 'f64-val']);

function hexToBytes(hex) {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  return bytes;
}

function bytesToHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function floatFromBits(tag, hex) {
  const view = new DataView(new ArrayBuffer(8));
  if (tag === 'f32-val') {
    view.setUint32(0, parseInt(hex, 16));
    return view.getFloat32(0);
  }
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
}

function floatToBits(tag, value) {
  const view = new DataView(new ArrayBuffer(8));
  if (tag === 'f32-val') {
    view.setFloat32(0, value);
    return view.getUint32(0).toString(16).padStart(8, '0');
  }
  view.setFloat64(0, value);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

function toValue(v) {
  if (v.tag === 'null-val') return { tag: 'null-val' };
  if (v.tag === 'bool-val') return { tag: v.tag, val: v.val === 'true' };
  if (v.tag === 'blob-val') return { tag: v.tag, val: hexToBytes(v.val) };
  if (BIG.has(v.tag)) return { tag: v.tag, val: BigInt(v.val) };
  if (FLOAT.has(v.tag)) return { tag: v.tag, val: floatFromBits(v.tag, v.val) };
  if (/^[ui](8|16|32)-val$/.test(v.tag)) return { tag: v.tag, val: Number(v.val) };
  return { tag: v.tag, val: v.val };
}

function fromValue(v) {
  if (v.tag === 'null-val') return { tag: 'null-val' };
  if (v.tag === 'blob-val') return { tag: v.tag, val: bytesToHex(v.val) };
  if (FLOAT.has(v.tag)) return { tag: v.tag, val: floatToBits(v.tag, v.val) };
  if (typeof v.val === 'string') return { tag: v.tag, val: v.val };
  return { tag: v.tag, val: String(v.val) };
}

const toRow = (row) => row.map(([name, value]) => ({ name, value: toValue(value) }));
const fromRow = (row) => row.map((c) => [c.name, fromValue(c.value)]);
const opt = (v) => (v === null ? undefined : v);
const optBig = (v) => (v === null ? undefined : BigInt(v));

function toQuery(q) {
  return {
    filter: opt(q.filter),
    distinctBy: q.distinctBy,
    eagerRelations: q.eagerRelations,
    joins: q.joins,
    groupBy: q.groupBy,
    having: opt(q.having),
    orderBy: q.orderBy.map(([column, direction]) => ({ column, direction })),
    limit: optBig(q.limit),
    offset: optBig(q.offset),
  };
}

function run(s) {
  const tx = optBig(s.tx);
  switch (s.fn) {
    case 'select':
      return database.select(s.table, toQuery(s.query), tx).map(fromRow);
    case 'aggregate': {
      const fns = s.aggregates.map(([tag, column]) => ({ tag, val: opt(column) }));
      return database.aggregate(s.table, toQuery(s.query), fns, tx).map((g) => ({
        groupKeys: g.groupKeys.map(fromValue),
        values: g.values.map((a) =>
          a.tag === 'count' ? { tag: a.tag, val: String(a.val) } : { tag: a.tag, val: fromValue(a.val) },
        ),
      }));
    }
    case 'insert':
      return fromRow(database.insert(s.table, toRow(s.values), tx));
    case 'update':
      return String(database.update(s.table, toRow(s.values), opt(s.filter), tx));
    case 'delete':
      return String(database.delete(s.table, s.behavior, opt(s.filter), tx));
    case 'begin-transaction':
      return String(database.beginTransaction());
    case 'begin-transaction-isolated':
      return String(database.beginTransactionIsolated(s.isolation));
    case 'commit':
      database.commit(BigInt(s.tx));
      return null;
    case 'rollback':
      database.rollback(BigInt(s.tx));
      return null;
    default:
      throw new Error('unknown step ' + s.fn);
  }
}

for (const step of steps) {
  let line;
  try {
    line = { ok: run(step) };
  } catch (e) {
    if (e.payload === undefined) throw e;
    const err = { tag: e.payload.tag };
    if (e.payload.val !== undefined) err.val = e.payload.val;
    line = { err };
  }
  console.log(JSON.stringify(line));
}
