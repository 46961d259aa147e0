// A ByteLogic module host for Node.js: V8's WebAssembly API and nothing else (no npm
// packages). It runs a module compiled by `bytelogic compile --emit wasm` with the
// imports of `codegen/ABI.md` and decodes its outputs, error and counters as that
// file describes.
//
//   node examples/node/host.mjs [LIMITS] PROGRAM.wasm...
//
// prints, per module, one line of JSON (see `run` below). LIMITS are `--max-steps N`,
// `--max-tuples N`, `--max-depth N` and `--max-memory-mb N` (the engine's defaults
// otherwise). Wall-clock time is the host's job (ABI.md) and this one has no limit:
// run it under `timeout`.

import { readFileSync, realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

// codegen/src/abi.rs
const TAG_NONE = 0;
const TAG_INT = 1;
const TAG_FLOAT = 2;
const TAG_SYM = 3;
const VALUE_SIZE = 16;
const ERR = 16;
const [ERR_CODE, ERR_START, ERR_END, ERR_SITE, ERR_DETAIL, ERR_A, ERR_B] = [0, 4, 8, 12, 16, 24, 40];
const SYM_ENTRY = 8;
const [OUT_KIND, OUT_REL, OUT_ARITY, OUT_WIDTH, OUT_COUNT, OUT_ROWS, OUT_VALUE, OUT_ARGS] = [
  0, 4, 8, 12, 16, 20, 16, 32,
];

// The engine's default limits (`bytelogic_engine::Limits::default()`).
export const DEFAULT_LIMITS = {
  maxSteps: 100_000_000n,
  maxTuples: 10_000_000n,
  maxDepth: 1000,
  maxMemoryMb: 1024,
};

// The math imports: ABI.md asks for Rust's `f64` functions. V8's agree with them on
// every program of the corpus and of the hand-written cases (the test compares);
// a transcendental result may still differ in its last bit elsewhere.
export const imports = {
  env: {
    sin: Math.sin,
    cos: Math.cos,
    tan: Math.tan,
    asin: Math.asin,
    acos: Math.acos,
    atan: Math.atan,
    log: Math.log,
    log10: Math.log10,
    exp: Math.exp,
    pow: Math.pow,
    // C `fmod`: JavaScript's `%` on numbers is the truncated remainder.
    fmod: (x, y) => x % y,
  },
};

// Runs `bytes` (a module) once under `limits` and returns
// `{ outputs, error, stats }`:
// - `outputs`: in program order, `{ result: VALUE }` or `{ query: { relation, args,
//   truth } }` (a query without `?`) or `{ query: { relation, args, rows } }`;
//   `relation` is the relation's id, `args` its arguments (`null` for `?`);
// - `error`: `null`, or `{ code: "E201", start, end, site, detail, a, b }` from the
//   error slot, or `{ code: "E403", site }` when V8's stack ran out (a trap that is
//   the host's: its span is that of site `site`, which only the code generator's
//   list of sites gives);
// - `stats`: `{ steps, tuples, iterations }` as decimal strings;
// and a VALUE is `{ int: "42" }`, `{ float: 1.5, bits: "3ff8000000000000" }` or
// `{ sym: "alice" }`.
export function run(bytes, limits = DEFAULT_LIMITS) {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  const x = instance.exports;
  const pages = Math.min(Math.floor((limits.maxMemoryMb * 1024 * 1024) / 65536), 65536);
  let trap = null;
  try {
    x.run(BigInt(limits.maxSteps), BigInt(limits.maxTuples), limits.maxDepth, pages);
  } catch (e) {
    trap = e;
  }
  // The buffer is taken after the run: a grown memory has a new one.
  const mem = new DataView(x.memory.buffer);
  const u32 = (at) => mem.getUint32(at, true);
  const symbols = [];
  for (let id = 0; id < x.sym_len.value; id++) {
    const entry = x.sym_ptr.value + id * SYM_ENTRY;
    const text = new Uint8Array(x.memory.buffer, u32(entry), u32(entry + 4));
    symbols.push(new TextDecoder("utf-8", { fatal: true }).decode(text));
  }
  const value = (at) => {
    const payload = mem.getBigInt64(at + 8, true);
    switch (mem.getInt32(at, true)) {
      case TAG_NONE:
        return null;
      case TAG_INT:
        return { int: payload.toString() };
      case TAG_FLOAT:
        return {
          float: mem.getFloat64(at + 8, true),
          bits: BigInt.asUintN(64, payload).toString(16).padStart(16, "0"),
        };
      case TAG_SYM:
        return { sym: symbols[Number(payload)] };
      default:
        throw new Error(`bad value tag at ${at}`);
    }
  };
  const outputs = [];
  for (let i = 0; i < x.out_len.value; i++) {
    const rec = u32(x.out_ptr.value + 4 * i);
    if (u32(rec + OUT_KIND) === 0) {
      outputs.push({ result: value(rec + OUT_VALUE) });
      continue;
    }
    const [arity, width, count] = [u32(rec + OUT_ARITY), u32(rec + OUT_WIDTH), u32(rec + OUT_COUNT)];
    const query = { relation: u32(rec + OUT_REL), args: [] };
    for (let c = 0; c < arity; c++) query.args.push(value(rec + OUT_ARGS + c * VALUE_SIZE));
    if (width === 0) {
      query.truth = count > 0;
    } else {
      query.rows = [];
      let at = u32(rec + OUT_ROWS);
      for (let r = 0; r < count; r++) {
        const row = [];
        for (let c = 0; c < width; c++, at += VALUE_SIZE) row.push(value(at));
        query.rows.push(row);
      }
    }
    outputs.push({ query });
  }
  let error = null;
  const code = u32(ERR + ERR_CODE);
  if (code !== 0) {
    error = {
      code: `E${code}`,
      start: u32(ERR + ERR_START),
      end: u32(ERR + ERR_END),
      site: u32(ERR + ERR_SITE),
      detail: u32(ERR + ERR_DETAIL),
      a: value(ERR + ERR_A),
      b: value(ERR + ERR_B),
    };
  } else if (trap instanceof RangeError) {
    error = { code: "E403", site: x.site.value };
  } else if (trap !== null) {
    throw trap;
  }
  const stats = {
    steps: x.steps.value.toString(),
    tuples: x.tuples.value.toString(),
    iterations: x.iterations.value.toString(),
  };
  return { outputs, error, stats };
}

// `node host.mjs [LIMITS] FILE...`
function main(args) {
  const limits = { ...DEFAULT_LIMITS };
  const flags = {
    "--max-steps": (v) => (limits.maxSteps = BigInt(v)),
    "--max-tuples": (v) => (limits.maxTuples = BigInt(v)),
    "--max-depth": (v) => (limits.maxDepth = Number(v)),
    "--max-memory-mb": (v) => (limits.maxMemoryMb = Number(v)),
  };
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (flags[args[i]] && i + 1 < args.length) flags[args[i]](args[++i]);
    else if (args[i].startsWith("--")) throw new Error(`unknown option ${args[i]}`);
    else files.push(args[i]);
  }
  if (files.length === 0) throw new Error("usage: node host.mjs [LIMITS] PROGRAM.wasm...");
  for (const file of files) console.log(JSON.stringify(run(readFileSync(file), limits)));
}

// Run as a script (also through a symbolic link: Node.js resolves the module's own URL).
if (import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`error: ${e.message}`);
    process.exit(2);
  }
}
