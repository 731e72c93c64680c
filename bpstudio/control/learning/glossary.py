# ruff: noqa: E501 - one definition a line: the sentences are data, kept whole
"""Every term and symbol the window shows, each with a one-line definition and its formula.

A student alone meets ‖g‖∞, ⊙, W̃, J″ or "converged2" without a word on what
they are (issue 28).  This is the one list that says it, in English and in
Chinese, in the article's terms (源, 汇, 基础影响链路); Help ▸ Glossary shows
it, the terms box and the tooltips point to it, and a test checks that every
symbol the window writes has its entry here.

Plain data (no Qt): an entry's ``symbols`` are the symbols it defines, written
as the window writes them; ``formula`` is the same in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    key: str  # the anchor Help ▸ Glossary scrolls to
    term: tuple[str, str]  # (English, 中文)
    definition: tuple[str, str]  # one line each
    formula: str = ""
    symbols: tuple[str, ...] = ()

    def text(self, language: str) -> tuple[str, str]:
        """(term, definition) in ``language`` ("zh_CN" or anything else for English)."""
        k = 1 if language == "zh_CN" else 0
        return self.term[k], self.definition[k]


def _e(key: str, term_en: str, term_zh: str, def_en: str, def_zh: str, formula: str = "", symbols: tuple[str, ...] = ()) -> Entry:
    return Entry(key, (term_en, term_zh), (def_en, def_zh), formula, tuple(symbols))


ENTRIES: tuple[Entry, ...] = (
    # -- the network --------------------------------------------------------------------------------
    _e(
        "unit_io",
        "I and O (a unit's input and output)",
        "I 与 O（单元的输入与输出）",
        "I is the weighted sum a unit receives; O is what its activation makes of it; the diagram draws each unit as an I node and an O node.",
        "I 是单元收到的加权和；O 是激活函数作用于 I 的结果；图中每个单元画成一个 I 节点和一个 O 节点。",
        "O = f(I)",
        ("I", "O"),
    ),
    _e(
        "weight",
        "w, W, b (weight, weight matrix, bias)",
        "w、W、b（权重、权重矩阵、偏置）",
        "wᵢⱼ⁽ˡ⁾ is the weight from node i of layer l to unit j of layer l+1 (W0[i-1,j-1] on the command line); b is a bias, the weight from the constant 1.",
        "wᵢⱼ⁽ˡ⁾ 是第 l 层第 i 个节点到第 l+1 层第 j 个单元的权重（命令行中写作 W0[i-1,j-1]）；b 是偏置，即来自常数 1 的权重。",
        "Iⱼ⁽ˡ⁺¹⁾ = Σᵢ wᵢⱼ⁽ˡ⁾ Oᵢ⁽ˡ⁾ + bⱼ⁽ˡ⁾",
        ("w", "W", "b"),
    ),
    _e(
        "o_tilde",
        "Õ (outputs with the constant 1)",
        "Õ（补上常数 1 的输出）",
        "a layer's outputs with a constant 1 appended, so that the bias is one more weight.",
        "一层的输出后面补上常数 1，使偏置也成为一个普通权重。",
        "Õ⁽ˡ⁾ = [O⁽ˡ⁾; 1]",
        ("Õ",),
    ),
    _e(
        "w_tilde",
        "W̃ (augmented weight matrix)",
        "W̃（增广权重矩阵）",
        "a layer's weights with its biases as the last row: every link between two columns of the diagram.",
        "一层的权重矩阵，偏置放在最后一行：图中两列节点之间的全部连线。",
        "W̃⁽ˡ⁾ = [W⁽ˡ⁾; b⁽ˡ⁾],  I⁽ˡ⁺¹⁾ = W̃⁽ˡ⁾ᵀ · Õ⁽ˡ⁾",
        ("W̃",),
    ),
    _e(
        "prediction",
        "ŷ and y (prediction and target)",
        "ŷ 与 y（预测与目标）",
        "ŷ is what the network outputs for a sample; y is the value (or one-hot class) it should output.",
        "ŷ 是网络对一个样本的输出；y 是它应当输出的值（或类别的独热编码）。",
        "ŷ = O⁽ᴸ⁾",
        ("ŷ", "y"),
    ),
    _e(
        "sigmoid",
        "σ (sigmoid)",
        "σ（sigmoid 函数）",
        "an activation squashing any input into (0, 1); its slope is read from the output.",
        "把任意输入压到 (0, 1) 的激活函数；其斜率可由输出直接算出。",
        "σ(I) = 1 / (1 + e⁻ᴵ),  σ′(I) = O(1 − O)",
        ("σ",),
    ),
    _e(
        "tanh",
        "tanh",
        "tanh（双曲正切）",
        "the article's hidden activation, squashing into (−1, 1).",
        "文中隐藏层的激活函数，把输入压到 (−1, 1)。",
        "tanh′(I) = 1 − tanh²(I) = 1 − O²",
        ("tanh",),
    ),
    _e(
        "softmax",
        "softmax",
        "softmax",
        "turns the output units' inputs into class probabilities that sum to 1; every output depends on every Iⱼ.",
        "把输出单元的输入变成和为 1 的类别概率；每个输出都依赖所有 Iⱼ。",
        "ŷₖ = exp(Iₖ) / Σⱼ exp(Iⱼ),  ∂ŷₖ/∂Iⱼ = ŷₖ(δⱼₖ − ŷⱼ)",
        ("softmax",),
    ),
    _e(
        "kronecker",
        "δⱼₖ (Kronecker delta)",
        "δⱼₖ（克罗内克 δ）",
        "1 when j = k, else 0; it appears in the softmax's derivative.",
        "j = k 时为 1，否则为 0；出现在 softmax 的导数中。",
        "δⱼₖ = 1 if j = k, else 0",
        ("δ",),
    ),
    # -- the loss -----------------------------------------------------------------------------------
    _e(
        "jval",
        "JVal (the loss over all samples)",
        "JVal（全部样本上的损失）",
        "the number training makes small: the sum (not the mean) of every training sample's loss L.",
        "训练要减小的数：每个训练样本损失 L 的总和（不是平均）。",
        "JVal = Σₙ Lₙ",
        ("JVal", "J"),
    ),
    _e(
        "loss",
        "L (one sample's loss, mse)",
        "L（一个样本的损失，mse）",
        "the article's loss for one sample: half the squared error of its outputs.",
        "文中一个样本的损失：输出误差平方和的一半。",
        "L = ½ Σₖ (ŷₖ − yₖ)²",
        ("L", "mse"),
    ),
    _e(
        "cross_entropy",
        "cross-entropy",
        "交叉熵",
        "the loss for classes: minus the log of the probability given to the right class; with softmax its gradient at the logits is ŷ − y.",
        "分类用的损失：正确类别所得概率的对数取负；配合 softmax，它对 logits 的梯度就是 ŷ − y。",
        "L = −Σₖ yₖ log ŷₖ,  JVal = Σₙ Lₙ,  ∂L/∂Iₖ = ŷₖ − yₖ",
        ("cross-entropy",),
    ),
    _e(
        "penalty",
        "λ₁, λ₂ (L1 / L2 penalty)",
        "λ₁、λ₂（L1 / L2 惩罚）",
        "strengths of a penalty R added to JVal that pulls the weights toward 0; each sample's term carries R's share dR/dw / n.",
        "加到 JVal 上、把权重拉向 0 的惩罚项 R 的强度；每个样本的项分得 dR/dw / n。",
        "R = λ₁ Σ|w| + λ₂/2 Σ w²",
        ("λ", "l1", "l2"),
    ),
    _e(
        "accuracy",
        "accuracy",
        "准确率",
        "the share of samples whose largest output is their class (p > 0.5 for one sigmoid output).",
        "最大输出恰为其类别的样本所占比例（单个 sigmoid 输出时为 p > 0.5）。",
        "accuracy = #{n : argmax ŷₙ = class of n} / N",
        ("accuracy",),
    ),
    _e(
        "test_share",
        "test share and test JVal",
        "测试集比例与测试 JVal",
        "the share of samples held out from training; their JVal, drawn as a second curve, shows whether the net generalises.",
        "不参与训练的样本比例；它们的 JVal 画成第二条曲线，显示网络能否推广。",
        "",
        ("test",),
    ),
    # -- derivatives and the chain ------------------------------------------------------------------
    _e(
        "partial",
        "∂ (partial derivative)",
        "∂（偏导数）",
        "∂L/∂w says how fast L changes when w alone changes, every other weight held fixed.",
        "∂L/∂w 表示只改变 w、其余权重不变时 L 变化的快慢。",
        "∂L/∂w ≈ (L(w + h) − L(w − h)) / 2h",
        ("∂",),
    ),
    _e(
        "prime",
        "′ (derivative of a function of one variable)",
        "′（一元函数的导数）",
        "f′(I) is the slope of the activation f at I, the local derivative of a non-linear link.",
        "f′(I) 是激活函数 f 在 I 处的斜率，即一条非线性链路的局部导数。",
        "f′(I) = df/dI",
        ("′",),
    ),
    _e(
        "curvature",
        "J″ (curvature of JVal along a direction)",
        "J″（JVal 沿某方向的曲率）",
        "the second derivative of JVal along the landscape's direction; the tangent misses the real change by about ½·J″·Δw².",
        "JVal 沿地形图方向的二阶导数；切线与真实变化约差 ½·J″·Δw²。",
        "J(w + Δw) ≈ J + g·Δw + ½·J″·Δw²",
        ("″",),
    ),
    _e(
        "gradient",
        "g (gradient)",
        "g（梯度）",
        "the vector of ∂JVal/∂w for every weight: the direction in which JVal grows fastest.",
        "所有权重的 ∂JVal/∂w 组成的向量：JVal 增长最快的方向。",
        "g = ∂JVal/∂w = Σₙ ∂Lₙ/∂w",
        ("g",),
    ),
    _e(
        "norm",
        "‖g‖∞ and ‖·‖ (size of a vector)",
        "‖g‖∞ 与 ‖·‖（向量的大小）",
        "‖·‖∞ is the largest absolute component (the stop test compares ‖g‖∞ with ζ); ‖·‖ without an index is the Euclidean length.",
        "‖·‖∞ 是绝对值最大的分量（停止判据把 ‖g‖∞ 与 ζ 比较）；不带下标的 ‖·‖ 是欧几里得长度。",
        "‖g‖∞ = maxᵢ |gᵢ|,  ‖g‖ = √(Σᵢ gᵢ²)",
        ("‖", "∞"),
    ),
    _e(
        "hadamard",
        "⊙ (element-wise product)",
        "⊙（逐元素乘积）",
        "multiplies two vectors component by component, as the backward pass does with the activations' slopes.",
        "两个向量按分量相乘，反向传播乘以激活函数斜率时就是这样。",
        "(a ⊙ b)ᵢ = aᵢ · bᵢ",
        ("⊙",),
    ),
    _e(
        "sum",
        "Σ (sum)",
        "Σ（求和）",
        "adds the terms that follow over the index below it: over samples, over paths, or over the branches at a source.",
        "把其后的项按下标求和：对样本、对路径，或对源处的各分支。",
        "Σᵢ aᵢ = a₁ + a₂ + …",
        ("Σ",),
    ),
    _e(
        "delta",
        "Δ (change)",
        "Δ（变化量）",
        "the change of a quantity in one step: Δw of a weight, ΔJ of JVal.",
        "一个量在一步中的变化：权重的 Δw，JVal 的 ΔJ。",
        "Δw = w⁽ᵗ⁺¹⁾ − w⁽ᵗ⁾",
        ("Δ",),
    ),
    _e(
        "sqrt",
        "√ (square root)",
        "√（平方根）",
        "in Adam's step, the root of the second moment scales each weight's step.",
        "在 Adam 的步长中，二阶矩的平方根为每个权重缩放步长。",
        "√v̂",
        ("√",),
    ),
    _e(
        "backprop",
        "backpropagation",
        "反向传播",
        "computes every ∂L/∂w at once by going backward through the diagram, multiplying basic links and summing at sources.",
        "沿图反向一次算出所有 ∂L/∂w：沿路径乘基础影响链路，在源处求和。",
        "∂L/∂w = Σ over paths Π basic links",
        ("backpropagation",),
    ),
    _e(
        "chain",
        "loss-influence chain (loss影响链路)",
        "loss影响链路",
        "every path from a weight to L in the diagram; ∂L/∂w is the sum over the paths of the product of their basic links.",
        "图中从一个权重到 L 的全部路径；∂L/∂w 等于各路径上基础影响链路之积的和。",
        "∂L/∂w = Σₚ Πₑ∈ₚ ∂b/∂a",
        ("chain",),
    ),
    _e(
        "basic_link",
        "basic link (基础影响链路)",
        "基础影响链路",
        "one edge a → b of the diagram with its local derivative ∂b/∂a: a weight, an activation's slope, or the loss's own derivative.",
        "图中的一条边 a → b 及其局部导数 ∂b/∂a：一个权重、一个激活函数的斜率，或损失本身的导数。",
        "∂Iⱼ/∂Õᵢ = wᵢⱼ,  ∂O/∂I = f′(I)",
        ("basic link",),
    ),
    _e(
        "source",
        "source (源)",
        "源",
        "a node of a chain with several downstream branches; the gradients coming back along them are summed there.",
        "链中有多个下游分支的节点；沿这些分支传回的梯度在此求和。",
        "∂L/∂a = Σ_b ∂L/∂b · ∂b/∂a",
        ("source", "源"),
    ),
    _e(
        "sink",
        "sink (汇)",
        "汇",
        "a node of a chain where several upstream branches meet, such as L; nothing is summed for the parameter there.",
        "链中多个上游分支汇合的节点，例如 L；在那里不为该参数求和。",
        "",
        ("sink", "汇"),
    ),
    _e(
        "path",
        "path and running product",
        "路径与累乘",
        "one route from the weight to L; the running product multiplies its basic links one after another.",
        "从权重到 L 的一条路线；累乘把其上的基础影响链路逐个相乘。",
        "path value = Πₑ ∂b/∂a",
        ("path",),
    ),
    _e(
        "per_sample",
        "a sample's term",
        "样本的项",
        "one sample's ∂Lₙ/∂w; JVal's gradient is their sum, and the inspector shows the largest.",
        "一个样本的 ∂Lₙ/∂w；JVal 的梯度是它们的和，检查器显示最大的几项。",
        "∂JVal/∂w = Σₙ ∂Lₙ/∂w",
        ("sample",),
    ),
    # -- training -----------------------------------------------------------------------------------
    _e(
        "iteration",
        "iteration",
        "迭代",
        "one update of the weights: forward pass, backward pass, optimizer step; the x-axis of the JVal plot.",
        "权重的一次更新：前向计算、反向传播、优化器一步；JVal 图的横轴。",
        "w⁽ᵗ⁺¹⁾ = w⁽ᵗ⁾ + Δw⁽ᵗ⁾",
        ("iteration", "t"),
    ),
    _e(
        "phase",
        "phase (of an iteration)",
        "阶段（一次迭代中的）",
        "Step phase shows one iteration in six phases, from the forward pass to the update of the weights.",
        "“单步阶段”把一次迭代分成六个阶段展示，从前向计算到权重更新。",
        "",
        ("phase",),
    ),
    _e(
        "epoch",
        "epoch",
        "轮（epoch）",
        "one pass through every training sample; with the whole set per step (batch 0) each iteration is an epoch.",
        "把全部训练样本过一遍；每步用全部样本（batch 为 0）时，每次迭代就是一轮。",
        "iterations per epoch = ⌈N / B⌉",
        ("epoch",),
    ),
    _e(
        "batch",
        "batch size B",
        "批大小 B",
        "how many samples one iteration's gradient sums over; 0 means the whole set, as in the article.",
        "一次迭代的梯度对多少个样本求和；0 表示全部样本，与文中相同。",
        "g = Σₙ∈batch ∂Lₙ/∂w",
        ("batch",),
    ),
    _e(
        "seed",
        "seed (随机种子) and the seed dot",
        "随机种子与种子点",
        "the number fixing every random draw (data, start weights, batches): the same seed gives the same run; the green dot on the JVal plot is the run's start, iteration 0.",
        "固定所有随机抽取（数据、初始权重、批次）的数：种子相同，运行就相同；JVal 图上的绿点是运行的起点，即第 0 次迭代。",
        "",
        ("seed",),
    ),
    _e(
        "init",
        "init (start weights)",
        "初始权重",
        "uniform draws the start weights in (−1, 1) as the article does; zeros starts every weight at 0, and the hidden units never become different.",
        "uniform 如文中在 (−1, 1) 内均匀抽取初始权重；zeros 让所有权重从 0 开始，隐藏单元永远无法变得不同。",
        "w⁽⁰⁾ ~ U(−1, 1)",
        ("init",),
    ),
    _e(
        "alpha",
        "α (step size)",
        "α（步长参数）",
        "how far each iteration moves the weights (the article uses 0.001).",
        "每次迭代权重移动多远（文中取 0.001）。",
        "GD: Δw = −α·g",
        ("α", "alpha"),
    ),
    _e(
        "beta",
        "β₁, β₂ (moment decay rates)",
        "β₁、β₂（一阶矩、二阶矩指数衰减率）",
        "how much of the past the moments m and v keep each step, 0 to < 1 (article: 0.9 and 0.999); momentum uses β₁ for its velocity.",
        "矩 m 与 v 每步保留多少历史，取值 0 到 < 1（文中 0.9 与 0.999）；动量法用 β₁ 作为速度的衰减。",
        "m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²",
        ("β", "beta1", "beta2"),
    ),
    _e(
        "rho",
        "ρ (RMSProp's decay rate)",
        "ρ（RMSProp 的衰减率）",
        "how slowly RMSProp's mean of the squared gradients v forgets, 0 to < 1; the studio keeps it in β₂'s field.",
        "RMSProp 的梯度平方均值 v 遗忘得多慢，取值 0 到 < 1；工作室把它存放在 β₂ 的字段里。",
        "v ← ρv + (1 − ρ)g²,  Δw = −α g / (√v + ε)",
        ("ρ", "rho"),
    ),
    _e(
        "nesterov",
        "Nesterov momentum",
        "Nesterov 动量",
        "momentum that steps with the gradient plus the velocity it is about to have, so it brakes earlier than plain momentum.",
        "用梯度加上即将有的速度来迈步的动量法，所以比普通动量更早“刹车”。",
        "u ← β₁u + g,  Δw = −α(g + β₁u)",
        ("Nesterov",),
    ),
    _e(
        "epsilon",
        "ε (small positive number)",
        "ε（足够小正数）",
        "added under Adam's division so that a weight whose corrected second moment is 0 never divides by zero.",
        "加在 Adam 的分母上，使修正后二阶矩为 0 的权重也不会除以零。",
        "Δw = −α·m̂ / (√v̂ + ε)",
        ("ε", "epsilon"),
    ),
    _e(
        "zeta",
        "ζ (convergence criterion)",
        "ζ（收敛判据）",
        "the run stops when ‖g‖∞ < ζ (converged1), or when a step moves no weight by ζ² or JVal changes less than ζ² (converged2).",
        "当 ‖g‖∞ < ζ（converged1），或一步中没有权重移动达到 ζ²、或 JVal 变化小于 ζ²（converged2）时停止。",
        "‖g‖∞ < ζ;  ‖Δw‖∞ < ζ² or |ΔJ| < ζ²",
        ("ζ", "zeta"),
    ),
    _e(
        "converged",
        "converged1, converged2",
        "converged1、converged2",
        "the two stop tests: converged1, the largest gradient component is below ζ (tested before the step); converged2, the step or JVal's change is below ζ².",
        "两种停止判据：converged1，梯度最大分量小于 ζ（在一步之前检验）；converged2，这一步的移动或 JVal 的变化小于 ζ²。",
        "converged1: ‖g‖∞ < ζ;  converged2: ‖Δw‖∞ < ζ² or |ΔJ| < ζ²",
        ("converged1", "converged2"),
    ),
    _e(
        "max_iter",
        "max_iter (most iterations)",
        "max_iter（最大迭代次数）",
        "the run stops after this many iterations (the article runs 50000).",
        "迭代这么多次后停止（文中为 50000）。",
        "",
        ("max_iter",),
    ),
    _e(
        "setting_change",
        "a change in the legend (max_iter 50000 → 300 at 2)",
        "图例中的改动（max_iter 50000 → 300 at 2）",
        "a setting changed during a run: its name, old value → new value, and the iteration at which the change took effect.",
        "运行中改动了一个设置：设置名、旧值 → 新值，以及改动生效时的迭代次数。",
        "setting old → new at t",
        ("→",),
    ),
    _e(
        "moments",
        "m and v (first and second moments)",
        "m 与 v（一阶矩与二阶矩）",
        "Adam's running averages: m of the gradient (its direction), v of the squared gradient (its size), per weight.",
        "Adam 的滑动平均：m 是梯度的（方向），v 是梯度平方的（大小），每个权重各有一份。",
        "m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²",
        ("m", "v"),
    ),
    _e(
        "bias_correction",
        "m̂, v̂ (bias-corrected moments)",
        "m̂、v̂（偏差修正后的矩）",
        "m and v start at 0 and so are too small in the first steps; dividing by 1 − βᵗ corrects that, and Adam steps with the corrected moments.",
        "m 与 v 从 0 开始，最初几步偏小；除以 1 − βᵗ 加以修正，Adam 用修正后的矩走一步。",
        "m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ),  Δw = −α·m̂ / (√v̂ + ε)",
        ("m̂", "v̂"),
    ),
    _e(
        "adam",
        "Adam",
        "Adam",
        "the article's optimizer: a step of about α per weight in the direction of the corrected first moment, scaled by the root of the second.",
        "文中的优化器：每个权重沿修正后一阶矩的方向走约 α 的一步，并按修正后二阶矩的平方根缩放。",
        "Δw = −α·m̂ / (√v̂ + ε)",
        ("Adam",),
    ),
    _e(
        "momentum",
        "momentum (heavy ball)",
        "动量法",
        "gradient descent with a velocity u that keeps part of the previous steps' direction.",
        "带速度 u 的梯度下降，保留以往步骤方向的一部分。",
        "u ← β₁u + g,  Δw = −α·u",
        ("momentum", "u"),
    ),
    _e(
        "gd",
        "GD (gradient descent)",
        "GD（梯度下降）",
        "the plain rule: a step of α against the gradient.",
        "最简单的规则：逆着梯度走 α 倍的一步。",
        "Δw = −α·g",
        ("GD",),
    ),
    # -- tools --------------------------------------------------------------------------------------
    _e(
        "nudge",
        "nudge (predicted ΔJ)",
        "微调（预测的 ΔJ）",
        "moves one weight by a small δ and compares the change of JVal the gradient predicts with the actual one.",
        "把一个权重移动一个小量 δ，比较梯度预测的 JVal 变化与实际变化。",
        "predicted ΔJ = g·δ",
        ("nudge",),
    ),
    _e(
        "landscape",
        "landscape and tangent",
        "地形图与切线",
        "JVal along a line (or over a plane) through the current weights; the tangent is the line the gradient predicts.",
        "经过当前权重的一条直线（或一个平面）上的 JVal；切线是梯度预测的直线。",
        "tangent: J + g·Δw",
        ("landscape", "tangent"),
    ),
    _e(
        "filter_normalised",
        "filter-normalised directions",
        "按滤波器归一化的方向",
        "random directions for the landscape, each unit's incoming weights rescaled to the size of that unit's weights, so every layer moves in proportion.",
        "地形图的随机方向：把每个单元的入射权重缩放到该单元权重的大小，使各层按比例移动。",
        "dⱼ ← dⱼ · ‖wⱼ‖ / ‖dⱼ‖",
        ("filter-normalised",),
    ),
    _e(
        "log10",
        "log₁₀ JVal (colour scale)",
        "log₁₀ JVal（颜色刻度）",
        "the landscape map colours JVal on a base-10 logarithmic scale, so that small and large values both show.",
        "地形图用以 10 为底的对数刻度为 JVal 着色，使小值与大值都看得清。",
        "log₁₀ JVal",
        ("log",),
    ),
    _e(
        "approximately",
        "≈ (a rounded row)",
        "≈（舍入后的行）",
        "the numbers shown in a row, worked out by hand, miss its shown result in the last digit because they are rounded; "
        "the result itself is exact, rounded (View ▸ Digits ▸ All shows every digit).",
        "某行显示的数字是舍入过的，手算后与显示的结果在最后一位不符；结果本身是精确值舍入而得（视图 ▸ 位数 ▸ 全部位数 显示每一位）。",
        "0.3542 × 0.166 ≈ 0.05878",
        ("≈",),
    ),
)

BY_KEY = {entry.key: entry for entry in ENTRIES}


def symbols() -> set[str]:
    """Every symbol and name the glossary defines."""
    return {symbol for entry in ENTRIES for symbol in entry.symbols}


def entry_for(text: str) -> Entry | None:
    """The entry for the first glossary symbol or term that ``text`` uses (a tooltip's), or None.

    Longer symbols are tried first, so W̃ is found as W̃ and not as W.
    Single Latin letters are not looked for (too many words contain them).
    """
    found: tuple[int, int, Entry] | None = None
    for entry in ENTRIES:
        for symbol in entry.symbols:
            if len(symbol) == 1 and symbol.isascii():
                continue
            at = text.find(symbol)
            if at >= 0 and (found is None or (at, -len(symbol)) < (found[0], found[1])):
                found = (at, -len(symbol), entry)
    return None if found is None else found[2]
