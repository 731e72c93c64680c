"""TensorFlow Playground's conventions, reproduced number for number (issue 29).

Playground keeps its whole state in its URL; a link's run is its seeded random stream
(:mod:`.random_stream`), its data generators (:mod:`.datasets`), its features, its network
and its per-point training (:mod:`.training`). Each module follows Playground's published
source (github.com/tensorflow/playground: nn.ts, dataset.ts, state.ts, playground.ts) in what
it computes and in the order it computes it, so that the floating-point results agree; the
code is our own. tests/fixtures/playground_runs.json holds runs made by Playground's own code.
"""
