// Math.sin, cos, exp, log and tanh as this Node's V8 computes them, on many inputs, for
// compare_js_math.py (which checks bpstudio's ports of fdlibm against them).
//
//   node js_math_reference.js OUT_DIR [COUNT]
//
// Writes OUT_DIR/<name>.f64: little-endian doubles, input then output, pair after pair. The
// inputs: COUNT uniform draws on each range Playground uses (and wider), random bit patterns,
// and edge cases (0, -0, tiny, subnormal, multiples of pi/2 and their neighbours, huge, inf, NaN).
"use strict";
const fs = require("fs");
const path = require("path");

const [outDir, countText] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node js_math_reference.js OUT_DIR [COUNT]");
  process.exit(2);
}
const COUNT = Number(countText || 250000);

// xorshift128+, seeded: the same inputs every run
let s0 = 0x9e3779b97f4a7c15n, s1 = 0xbf58476d1ce4e5b9n;
const MASK = (1n << 64n) - 1n;
function next64() {
  let x = s0, y = s1;
  s0 = y;
  x = (x ^ (x << 23n)) & MASK;
  s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
  return (s1 + y) & MASK;
}
const bits = new BigUint64Array(1), view = new Float64Array(bits.buffer);
const uniform = () => Number(next64() >> 11n) / 2 ** 53;
function randomDouble() {  // any finite double, by its bit pattern
  for (;;) {
    bits[0] = next64();
    if (Number.isFinite(view[0])) return view[0];
  }
}
function neighbours(x, out) {  // x and the doubles 1..3 ulps either side
  view[0] = x;
  const b = bits[0];
  for (let d = -3n; d <= 3n; d++) {
    bits[0] = b + d;
    out.push(view[0]);
  }
}

let structured = 0;  // edge cases before the powers of two
function edges() {
  const out = [0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, 1e-20, 2 ** -28, 2 ** -27, 2 ** -54, 1e-8,
    0.5, 1, 2, 22, 44, 709.78, 709.79, -745.13, -745.14, 1e5, 823549, 823551, 1e6, 1e300,
    Infinity, -Infinity, NaN];
  for (const x of out.slice()) out.push(-x);
  for (let k = -64; k <= 64; k++) neighbours((k * Math.PI) / 2, out);
  for (let k = -260; k <= 260; k++) neighbours(k * Math.LN2 / 4, out);  // expm1's k steps, for tanh(x) = f(expm1(2x))
  for (const high of [0x3fd62e43, 0x3ff0a2b2, 0x40862e42, 0x3e300000, 0x3e400000, 0x40360000]) {  // fdlibm's thresholds
    bits[0] = BigInt(high) << 32n;
    neighbours(view[0], out);
    neighbours(view[0] / 2, out);
  }
  structured = out.length;
  for (let e = -1074; e < 1024; e++) neighbours(2 ** e, out);
  return out;
}

function inputs(ranges) {
  const out = edges();
  for (const [lo, hi] of ranges) for (let i = 0; i < COUNT; i++) out.push(lo + (hi - lo) * uniform());
  for (let i = 0; i < COUNT / 5; i++) out.push(randomDouble());
  return out;
}

const TRIG = [[-1, 1], [-7, 7], [-16, 16], [-100, 100], [-1e5, 1e5]];
const FUNCTIONS = {
  sin: [Math.sin, TRIG],
  cos: [Math.cos, TRIG],
  exp: [Math.exp, [[-1, 1], [-40, 40], [-745, 710]]],
  log: [Math.log, [[0, 1e-6], [0, 2], [0, 20], [1e-300, 1e300]]],
  tanh: [Math.tanh, [[-1, 1], [-4, 4], [-25, 25], [-1e-7, 1e-7]]],
};
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "edges.json"), JSON.stringify({ edges: edges().length, structured }));
for (const [name, [f, ranges]] of Object.entries(FUNCTIONS)) {
  const xs = inputs(ranges);
  const pairs = new Float64Array(xs.length * 2);
  xs.forEach((x, i) => {
    pairs[2 * i] = x;
    pairs[2 * i + 1] = f(x);
  });
  fs.writeFileSync(path.join(outDir, `${name}.f64`), Buffer.from(pairs.buffer));
  console.log(`${name}: ${xs.length} inputs`);
}
