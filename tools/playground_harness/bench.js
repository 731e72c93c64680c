// Time one Playground epoch under Node with Playground's own code (build/, from build.js):
// oneStep of playground.ts without the drawing — every training point forward and backward,
// an update every batchSize points, then the training and test loss.
//
//   node bench.js 'LINK' [EPOCHS] [REPEATS]     prints {"ms_per_epoch": best of REPEATS, ...}
"use strict";
const path = require("path");
const seedrandom = require("seedrandom");

Math.seedrandom = (seed) => seedrandom(seed, { global: true });
global.window = { location: { hash: "" } };
const build = path.join(__dirname, "build");
const nn = require(path.join(build, "nn.js"));
const { State, Problem } = require(path.join(build, "state.js"));
const dataset = require(path.join(build, "dataset.js"));

const INPUTS = [
  ["x", (x, y) => x], ["y", (x, y) => y], ["xSquared", (x, y) => x * x], ["ySquared", (x, y) => y * y],
  ["xTimesY", (x, y) => x * y], ["sinX", (x, y) => Math.sin(x)], ["sinY", (x, y) => Math.sin(y)],
];
const [link, epochsText, repeatsText] = process.argv.slice(2);
if (!link) {
  console.error("usage: node bench.js 'LINK' [EPOCHS] [REPEATS]");
  process.exit(2);
}
const epochs = Number(epochsText || 200), repeats = Number(repeatsText || 5);
window.location.hash = link.slice(link.indexOf("#"));
const state = State.deserializeState();
const inputs = INPUTS.filter(([name]) => state[name]);
const constructInput = (x, y) => inputs.map(([, f]) => f(x, y));

function run() {
  Math.seedrandom(state.seed);
  const regression = state.problem === Problem.REGRESSION;
  const data = (regression ? state.regDataset : state.dataset)(regression ? 1200 : 500, state.noise / 100);
  dataset.shuffle(data);
  const split = Math.floor((data.length * state.percTrainData) / 100);
  const trainData = data.slice(0, split), testData = data.slice(split);
  const network = nn.buildNetwork([inputs.length].concat(state.networkShape).concat([1]), state.activation,
    regression ? nn.Activations.LINEAR : nn.Activations.TANH, state.regularization, inputs.map(([n]) => n), state.initZero);
  const getLoss = (points) => {
    let loss = 0;
    for (const p of points) loss += nn.Errors.SQUARE.error(nn.forwardProp(network, constructInput(p.x, p.y)), p.label);
    return loss / points.length;
  };
  let last = 0;
  const started = process.hrtime.bigint();
  for (let epoch = 0; epoch < epochs; epoch++) {
    trainData.forEach((point, i) => {
      nn.forwardProp(network, constructInput(point.x, point.y));
      nn.backProp(network, point.label, nn.Errors.SQUARE);
      if ((i + 1) % state.batchSize === 0) nn.updateWeights(network, state.learningRate, state.regularizationRate);
    });
    last = getLoss(trainData) + getLoss(testData);
  }
  return [Number(process.hrtime.bigint() - started) / 1e6 / epochs, last, trainData.length];
}

const times = [];
let loss = 0, points = 0;
for (let r = 0; r < repeats; r++) [times[r], loss, points] = run();
console.log(JSON.stringify({ ms_per_epoch: Math.min(...times), all_ms: times, epochs, train_points: points, last_losses_sum: loss, node: process.version }));
