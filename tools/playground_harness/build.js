// Transpile Playground's own nn.ts, dataset.ts and state.ts (from a checkout of
// tensorflow/playground) to CommonJS in build/, unchanged: the reference runs must come
// from Playground's code, not from a re-reading of it.
//
//   node build.js /path/to/playground        (the checkout's root, which holds src/)
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const root = process.argv[2];
if (!root || !fs.existsSync(path.join(root, "src", "nn.ts"))) {
  console.error("usage: node build.js PLAYGROUND_CHECKOUT (a clone of github.com/tensorflow/playground)");
  process.exit(2);
}
fs.mkdirSync(path.join(__dirname, "build"), { recursive: true });
for (const name of ["nn", "dataset", "state"]) {
  const source = fs.readFileSync(path.join(root, "src", `${name}.ts`), "utf8");
  const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES5 } });
  fs.writeFileSync(path.join(__dirname, "build", `${name}.js`), out.outputText);
}
console.log("built nn.js, dataset.js, state.js from", root);
