"""Ready-made lessons: a preset run, the weight to look at, and a short text in both languages.

Each lesson *sets up* the state its text talks about — the run built from
``config``, paused at iteration 0, ``param`` selected — so a teacher picks
it from the Lessons menu and the class reads a text that is true of what is
on screen.  Lessons are data: the studio's menu only renders them, and
tests check that each preset builds and that each claim holds.  Titles and
texts are translation templates (see engine.messages); the studio shows
them in the current language.
"""

from __future__ import annotations

from dataclasses import dataclass

from bpstudio.engine.config import RunConfig
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.network import Network


@dataclass(frozen=True)
class Lesson:
    key: str  # the menu action is named lesson_<key>
    title: str  # template, context "Lessons"
    text: str  # template, context "Lessons"
    config: RunConfig
    param: str | None = "W0[0,0]"  # the weight selected, as the CLI names it; None: nothing

    def param_index(self, network: Network | None = None) -> int | None:
        """The selected weight's flat index (None when the lesson selects nothing).

        ``network`` defaults to the preset's own, which needs no data.
        """
        if self.param is None:
            return None
        network = network or self.config.problem_network()
        return network.param_index(*network.parse_param(self.param))


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "article",
        QT_TRANSLATE_NOOP("Lessons", "The article's experiment"),
        QT_TRANSLATE_NOOP(
            "Lessons",
            "Inputs r, g, b, five tanh units, outputs x, y, lv; Adam with α = 0.001 from uniform start weights. "
            "The weight w₁₁⁽⁰⁾ is chosen: its loss-influence chain is lit, and O₁⁽¹⁾ is the source where its "
            "three branches are summed. Press Space to train the 50 000 iterations: the plot becomes the "
            "article's figure, from the green seed to the red solution star.",
        ),
        RunConfig(),
    ),
    Lesson(
        "alpha_too_large",
        QT_TRANSLATE_NOOP("Lessons", "α too large"),
        QT_TRANSLATE_NOOP(
            "Lessons",
            "Plain gradient descent with α = 0.002 on the article's network. JVal is a sum over 1000 samples, so "
            "its gradient is large and each step jumps across the valley. Press → a few times: JVal falls, then "
            "swings up. Press Space: it grows by orders of magnitude and the run stops as diverged (Ctrl+L shows "
            "it on a log scale). Reset, set α to 0.0005 and run again: JVal falls.",
        ),
        RunConfig(optimizer="gd", alpha=0.002),
    ),
    Lesson(
        "zero_start",
        QT_TRANSLATE_NOOP("Lessons", "All-zero start"),
        QT_TRANSLATE_NOOP(
            "Lessons",
            "Every start weight is 0 (Init: zeros). Each hidden unit computes the same value and receives the same "
            "gradient, so the units can never become different — the article's note ③. With zero output weights no "
            "gradient even reaches the hidden layer: the chosen w₁₁⁽⁰⁾ shows ∂L/∂w = 0. Run it: JVal falls only as "
            "far as the output biases take it. Set Init to uniform to break the symmetry.",
        ),
        RunConfig(init="zeros", max_iter=2000),
    ),
    Lesson(
        "dead_relu",
        QT_TRANSLATE_NOOP("Lessons", "Dead ReLU"),
        QT_TRANSLATE_NOOP(
            "Lessons",
            "ReLU hidden units with plain gradient descent, α = 0.0005. The first steps are large and push the input "
            "I of a hidden unit below 0 for every sample; there ReLU's slope is 0, so no gradient reaches that "
            "unit's weights again: it is dead. Press Space: within a few dozen iterations every unit is dead and "
            "JVal stops near 11 400 (the diagram marks dead units). With α = 0.0001 most units live.",
        ),
        RunConfig(activation="relu", optimizer="gd", alpha=0.0005),
    ),
    Lesson(
        "vanishing",
        QT_TRANSLATE_NOOP("Lessons", "Vanishing gradients"),
        QT_TRANSLATE_NOOP(
            "Lessons",
            "Six hidden layers of six sigmoid units on the spiral. The sigmoid's slope is at most ¼, and the chain "
            "from a weight to L takes one such factor per layer, so the first layer's gradient is about a "
            "thousand times smaller than the last one's: the gradient-health plot shows each layer's ‖∂L/∂W⁽ˡ⁾‖. "
            "The chosen w₁₁⁽⁰⁾ sits in the first layer; read the factors of its chain in the inspector, then try "
            "tanh or relu.",
        ),
        RunConfig(dataset="spiral", samples=200, hidden=(6, 6, 6, 6, 6, 6), activation="sigmoid", loss="cross-entropy", max_iter=10000),
    ),
    Lesson(
        "xor_hidden",
        QT_TRANSLATE_NOOP("Lessons", "XOR needs a hidden layer"),
        QT_TRANSLATE_NOOP(
            "Lessons",
            "The xor data: the class is the sign of x₁·x₂. This network has no hidden layer, so its softmax draws "
            "one straight border and accuracy stays near 50 %. Press Space, then type 4 in Hidden sizes (a new "
            "run) and press Space again: the 2-4-2 network reaches 100 %. Or keep no hidden layer and tick the "
            "feature x₁x₂.",
        ),
        RunConfig(dataset="xor", samples=200, seed=3, hidden=(), loss="cross-entropy", alpha=0.01, max_iter=3000),
    ),
    Lesson(
        "overfitting",
        QT_TRANSLATE_NOOP("Lessons", "Overfitting, cured by L2"),
        QT_TRANSLATE_NOOP(
            "Lessons",
            "40 noisy moons, half of them held out as a test set (the orange curve), and a 2-16-16-2 network: far "
            "more weights than samples. Press Space: the train accuracy reaches 100 % while the test JVal, after "
            "its minimum, climbs again — the network learns the noise. Set L2 rate to 0.03 (a new run) and press "
            "Space again: the test JVal stays near its minimum.",
        ),
        RunConfig(
            dataset="moons", samples=40, noise=0.5, test_fraction=0.5, hidden=(16, 16), loss="cross-entropy", alpha=0.01, max_iter=2000
        ),
    ),
    Lesson(
        "softmax_sources",
        QT_TRANSLATE_NOOP("Lessons", "Softmax makes sources"),
        QT_TRANSLATE_NOOP(
            "Lessons",
            "Three spiral classes, softmax outputs and cross-entropy. The chosen weight w₁₁⁽¹⁾ feeds only I₁⁽²⁾, "
            "yet I₁⁽²⁾ is a source: softmax makes every output depend on every I⁽²⁾, so I₁⁽²⁾ has a branch to "
            "each output, and the chain sums them there — the article's note ①. At every sample two of the three "
            "branches read 0: cross-entropy takes only the true class's output, so ∂L/∂ŷ = −y/ŷ is 0 for the "
            "others. The next lesson keeps softmax with mse, where every branch counts.",
        ),
        RunConfig(dataset="spiral", classes=3, samples=300, hidden=(5,), loss="cross-entropy", max_iter=10000),
        param="W1[0,0]",
    ),
    Lesson(
        "softmax_sources_mse",
        QT_TRANSLATE_NOOP("Lessons", "Softmax with mse: every branch counts"),
        QT_TRANSLATE_NOOP(
            "Lessons",
            "The same spiral, network and weight w₁₁⁽¹⁾, softmax outputs again, but the loss is mse: "
            "L = ½ Σ (ŷ − y)² takes every output, so ∂L/∂ŷ = ŷ − y is non-zero for each class and all three "
            "branches summed at the source I₁⁽²⁾ are non-zero — note ①, a branch to every output, in full. "
            "Compare the source's block with the previous lesson's.",
        ),
        RunConfig(dataset="spiral", classes=3, samples=300, hidden=(5,), loss="mse", output="softmax", max_iter=10000),
        param="W1[0,0]",
    ),
)

# Playground's own start page: circle, 4-2 tanh, learning rate 0.03, batch 10, half the points for training
PLAYGROUND_LINK = (
    "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane"
    "&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.14302&showTestData=false"
    "&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false"
    "&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false"
)
LESSONS += (
    Lesson(
        "playground_chain",
        QT_TRANSLATE_NOOP("Lessons", "From Playground to the chain rule"),
        QT_TRANSLATE_NOOP(
            "Lessons",
            "This is TensorFlow Playground's own start page, opened from its link (seed 0.14302): the same 250 "
            "training points, the same start weights, and each → is one of Playground's epochs — 25 updates of "
            "10 points — with the training loss Playground shows, digit for digit. Playground draws the weights "
            "and the map; here is what it never shows. The weight w₁₁⁽⁰⁾, from x₁ to the first tanh unit, is "
            "chosen: its chain runs through O₁⁽¹⁾, a source whose two branches are summed, then through the tanh "
            "output, ∂ŷ/∂I = 1 − ŷ², to Playground's loss, the MEAN of ½(ŷ − y)², so its last link carries the "
            "1/250. The inspector checks the chain against backprop and finite differences. File ▸ Open "
            "Playground link… opens any other link the same way.",
        ),
        RunConfig.from_playground(PLAYGROUND_LINK, max_iter=1000),
    ),
)

LESSONS_BY_KEY = {lesson.key: lesson for lesson in LESSONS}
