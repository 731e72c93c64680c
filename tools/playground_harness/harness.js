// Record reference runs of TensorFlow Playground, headless, with Playground's own code.
//
//   node harness.js states.json EPOCHS > ../../tests/fixtures/playground_runs.json
//
// Each state is a URL's "#..." part. For each, this does what Playground's page does from a
// link (playground.ts: State.deserializeState, generateData(true), reset(true), then oneStep
// per epoch), with nn.js, dataset.js and state.js transpiled from Playground's sources by
// build.js. The page's drawing is left out; nothing in it draws from Math.random between
// the seeding in generateData and the weights made in reset.
"use strict";
const fs = require("fs");
const path = require("path");
const seedrandom = require("seedrandom");

// seedrandom.min.js in the page defines Math.seedrandom; called on Math it replaces Math.random.
Math.seedrandom = function (seed) {
  return seedrandom(seed, { global: true });
};
global.window = { location: { hash: "" } };

const build = path.join(__dirname, "build");
const nn = require(path.join(build, "nn.js"));
const dataset = require(path.join(build, "dataset.js"));
const { State, Problem } = require(path.join(build, "state.js"));

// playground.ts's INPUTS, in its order (the page's cos features are commented out there).
const INPUTS = [
  ["x", (x, y) => x],
  ["y", (x, y) => y],
  ["xSquared", (x, y) => x * x],
  ["ySquared", (x, y) => y * y],
  ["xTimesY", (x, y) => x * y],
  ["sinX", (x, y) => Math.sin(x)],
  ["sinY", (x, y) => Math.sin(y)],
];
const NUM_SAMPLES_CLASSIFY = 500;
const NUM_SAMPLES_REGRESS = 1200;

function record(hash, epochs) {
  window.location.hash = hash;
  const state = State.deserializeState();
  const inputs = INPUTS.filter(([name]) => state[name]);
  const constructInput = (x, y) => inputs.map(([, f]) => f(x, y));

  // generateData(true)
  Math.seedrandom(state.seed);
  const numSamples = state.problem === Problem.REGRESSION ? NUM_SAMPLES_REGRESS : NUM_SAMPLES_CLASSIFY;
  const generator = state.problem === Problem.CLASSIFICATION ? state.dataset : state.regDataset;
  const data = generator(numSamples, state.noise / 100);
  dataset.shuffle(data);
  const splitIndex = Math.floor((data.length * state.percTrainData) / 100);
  const trainData = data.slice(0, splitIndex);
  const testData = data.slice(splitIndex);

  // reset(true)
  const shape = [inputs.length].concat(state.networkShape).concat([1]);
  const outputActivation = state.problem === Problem.REGRESSION ? nn.Activations.LINEAR : nn.Activations.TANH;
  const network = nn.buildNetwork(shape, state.activation, outputActivation, state.regularization,
    inputs.map(([name]) => name), state.initZero);
  const getLoss = (points) => {
    let loss = 0;
    for (const p of points) {
      const output = nn.forwardProp(network, constructInput(p.x, p.y));
      loss += nn.Errors.SQUARE.error(output, p.label);
    }
    return loss / points.length;
  };
  const parameters = () =>
    network.slice(1).map((layer) => layer.map((node) => ({
      bias: node.bias,
      weights: node.inputLinks.map((link) => link.weight),
      dead: node.inputLinks.map((link) => link.isDead),
    })));

  const initial = parameters();
  const trainLoss = [];
  const testLoss = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    // oneStep()
    trainData.forEach((point, i) => {
      nn.forwardProp(network, constructInput(point.x, point.y));
      nn.backProp(network, point.label, nn.Errors.SQUARE);
      if ((i + 1) % state.batchSize === 0) {
        nn.updateWeights(network, state.learningRate, state.regularizationRate);
      }
    });
    trainLoss.push(getLoss(trainData));
    testLoss.push(getLoss(testData));
  }
  state.serialize();
  return {
    url: hash,
    hash: window.location.hash,
    seed: state.seed,
    inputs: inputs.map(([name]) => name),
    train_points: trainData.map((p) => [p.x, p.y, p.label]),
    test_points: testData.map((p) => [p.x, p.y, p.label]),
    initial,
    train_loss: trainLoss,
    test_loss: testLoss,
    final: parameters(),
  };
}

const [statesFile, epochs] = process.argv.slice(2);
if (!statesFile || !epochs) {
  console.error("usage: node harness.js states.json EPOCHS");
  process.exit(2);
}
const states = JSON.parse(fs.readFileSync(statesFile, "utf8"));
const runs = states.map((s) => ({ name: s.name, ...record(s.url, Number(epochs)) }));
process.stdout.write(JSON.stringify({
  playground_commit: "02469bd3751764b20486015d4202b792af5362a6",
  epochs: Number(epochs),
  runs,
}) + "\n");
