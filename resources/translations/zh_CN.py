"""Simplified Chinese texts for BP Studio, in the seed article's own terms.

影响链路 (influence chain), loss影响链路, 源 (source), 汇 (sink), 基础影响链路 (basic
link), 反向传播 (backpropagation); the optimizer's settings as the article's
``get_solu`` docstring names them (步长参数, 一阶矩指数衰减率, 二阶矩指数衰减率,
足够小正数, 收敛判据, 最大迭代次数).  ``update.py`` writes these into the .ts
catalogue and compiles the .qm.
"""

TRANSLATIONS = {
    # controls
    "Adam as in the article; gradient descent is the plain rule; momentum adds velocity.":
        "Adam 即文中的方法；梯度下降为最简单的规则；动量法在梯度下降上加了速度。",
    "Step size: how far each iteration moves the weights (the article uses 0.001).":
        "步长参数：每次迭代权重移动多远（文中取 0.001）。",
    "How much of the previous gradient direction Adam (or momentum) keeps, 0 to <1.":
        "一阶矩指数衰减率：Adam（或动量法）保留多少以往梯度方向，取值 0 到 <1。",
    "How slowly Adam forgets the size of past gradients, 0 to <1 (article: 0.999).":
        "二阶矩指数衰减率：Adam 遗忘以往梯度大小的快慢，取值 0 到 <1（文中 0.999）。",
    "A tiny number that keeps Adam from dividing by zero.":
        "足够小正数：防止 Adam 除以零。",
    "Stop when the largest gradient is below zeta, or a step or JVal change below zeta squared.":
        "收敛判据：最大梯度小于 zeta，或一步的变化、JVal 的变化小于 zeta 的平方时停止。",
    "Stop after this many iterations (the article runs 50000).":
        "最大迭代次数（文中为 50000）。",
    "Hidden layer sizes: 5 is the article's; 8,6 makes two hidden layers.":
        "隐藏层大小：5 为文中设置；8,6 表示两个隐藏层。",
    "The hidden units' non-linear link: tanh as in the article, sigmoid, relu or identity.":
        "隐藏单元的非线性运算：文中为 tanh，也可选 sigmoid、relu 或 identity。",
    "Start weights: uniform in (-1, 1) as the article, or all zeros (see why that fails).":
        "初始权重：如文中在 (-1, 1) 内均匀取值，或全部为 0（看看为什么不行）。",
    "How many r, g, b samples the loss JVal sums over.":
        "损失 JVal 对多少个 r, g, b 样本求和。",
    "Random seed for the data and the start weights (the article's is 1).":
        "数据与初始权重的随机种子（文中为 1）。",
    "Share of the samples held out as a test set (0 to 0.9); its JVal is a second curve.":
        "留作测试集的样本比例（0 到 0.9）；其 JVal 画成第二条曲线。",
    "Your own targets from r, g, b, separated by ';' — e.g. x = r*g; y = sin(b). Empty: the article's.":
        "用 r, g, b 自定义目标，以“;”分隔，例如 x = r*g; y = sin(b)。留空则用文中的目标。",
    "Optimizer": "优化器",
    "alpha (step)": "alpha（步长）",
    "beta1": "beta1",
    "beta2": "beta2",
    "epsilon": "epsilon",
    "zeta (stop)": "zeta（收敛判据）",
    "Max iterations": "最大迭代次数",
    "Hidden sizes": "隐藏层大小",
    "Activation": "激活函数",
    "Init": "初始化",
    "Samples": "样本数",
    "Seed": "随机种子",
    "Targets": "目标",
    "Test share": "测试比例",
    "Training (applies at the next iteration)": "训练（下一次迭代起生效）",
    "Model and data (starts a new run)": "模型与数据（开始新的训练）",
    "the article's x, y, lv": "文中的 x, y, lv",
    "Use a CSV file…": "使用 CSV 文件…",
    "Train on your own table: choose its input and target columns.":
        "用自己的表格训练：选择输入列与目标列。",
    "Article's data": "文中的数据",
    "Back to r, g, b -> x, y, lv drawn as the article does.":
        "回到文中方式生成的 r, g, b -> x, y, lv。",
    "Restore article defaults": "恢复文中的默认设置",
    "Set every control back to the article's run: 3-5-3 tanh, Adam alpha=0.001.":
        "所有设置回到文中的实验：3-5-3 tanh，Adam alpha=0.001。",
    "Data: {file} — inputs {inputs}; targets {targets}": "数据：{file} — 输入 {inputs}；目标 {targets}",
    "Data: r, g, b as the article draws them; your targets": "数据：按文中方式生成 r, g, b；自定义目标",
    "Data: the article's r, g, b -> x, y, lv": "数据：文中的 r, g, b -> x, y, lv",
    # CSV dialog
    "Train on a CSV file": "用 CSV 文件训练",
    "a .csv file with a header row": "带表头行的 .csv 文件",
    "Browse…": "浏览…",
    "Inputs (fed to the network)": "输入（送入网络）",
    "Targets (to predict)": "目标（要预测的）",
    "CSV file": "CSV 文件",
    "CSV files (*.csv);;All files (*)": "CSV 文件 (*.csv);;所有文件 (*)",
    # diagram
    "source Σ": "源 Σ",
    "sink": "汇",
    # exports
    "JVal plot (the article's figure)…": "JVal 曲线（文中的图）…",
    "JVal history…": "JVal 历史…",
    "Weights…": "权重…",
    "Chain of the selected weight…": "所选权重的影响链路…",
    "Network diagram…": "网络图…",
    "PyTorch script…": "PyTorch 脚本…",
    "NumPy script…": "NumPy 脚本…",
    "a script named {name}.py would import itself instead of the {name} module; choose another name":
        "名为 {name}.py 的脚本会导入它自己而不是 {name} 模块；请换一个文件名",
    "&Export": "导出(&E)",
    "Export failed": "导出失败",
    "{path} could not be written:\n{reason}": "无法写入 {path}：\n{reason}",
    "Exported {path}": "已导出 {path}",
    "select a weight in the diagram first": "请先在网络图中选择一个权重",
    # guided tour
    "1 · Choose a weight": "1 · 选择一个权重",
    "The article's network: inputs {inputs}, {hidden} tanh units (each drawn as I and O), outputs {outputs} and the loss L. Click the link r → I₁⁽¹⁾: the weight w₁₁⁽⁰⁾.":
        "这是文中的网络：输入 {inputs}，{hidden} 个 tanh 单元（各画成 I 与 O 两个节点），输出 {outputs} 与损失 L。"
        "点击连线 r → I₁⁽¹⁾，即权重 w₁₁⁽⁰⁾。",
    "2 · Its loss-influence chain": "2 · 它的 loss 影响链路",
    "Every path from w₁₁⁽⁰⁾ to L is lit: the chosen link widest, the rest of the chain in green. O₁⁽¹⁾ is a source — its {branches} branches are summed there; L is a sink. The inspector writes the chain rule factored at the source, with one sample's numbers.":
        "从 w₁₁⁽⁰⁾ 到 L 的每条路径都被点亮：所选连线最粗，链路其余部分为绿色。O₁⁽¹⁾ 是源——它的 {branches} 个分支在此求和；"
        "L 是汇。检查器写出在源处求和的链式法则，并代入一个样本的数值。",
    "3 · One iteration, phase by phase": "3 · 逐阶段走完一次迭代",
    "Press Shift+→ (Step phase) six times: forward through each layer, the loss, backward through each layer, then Adam's update.":
        "按六次 Shift+→（单步阶段）：逐层正向计算、计算损失、逐层反向传播，最后是 Adam 的更新。",
    "4 · Train to the end": "4 · 训练到底",
    "Press Space (Run). Adam trains the article's 50 000 iterations in about ten seconds; Space pauses, → steps, ← rewinds.":
        "按空格（运行）。Adam 约十秒完成文中的 50 000 次迭代；空格暂停，→ 单步，← 回退。",
    "5 · solution-JVal": "5 · solution-JVal",
    "The plot is the article's figure: JVal per iteration from the green seed to the red solution star, and its title reads solution-JVal. That is the whole experiment.":
        "曲线即文中的图：每次迭代的 JVal，从绿色的 seed 到红色的 solution 星形，标题写着 solution-JVal。实验到此完成。",
    "Guided tour — {step}": "导览 — {step}",
    "Finish": "完成",
    "Next": "下一步",
    "Skip tour": "跳过导览",
    # inspector
    "weight": "权重",
    "dL/dw (all samples)": "dL/dw（全部样本）",
    "m (1st moment)": "m（一阶矩）",
    "v (2nd moment)": "v（二阶矩）",
    "m̂ (bias-corrected)": "m̂（偏差修正）",
    "v̂ (bias-corrected)": "v̂（偏差修正）",
    "effective step  −α·m̂/(√v̂+ε)": "实际步长  −α·m̂/(√v̂+ε)",
    "plain gradient step  −α·g": "普通梯度步长  −α·g",
    "sum along the chain": "沿影响链路求和",
    "backprop": "反向传播",
    "finite difference": "有限差分",
    "Value, gradient and the optimizer's step": "数值、梯度与优化器的步长",
    "Chain rule, factored at the sources (numbers for one sample)": "链式法则，在源处求和（一个样本的数值）",
    "Three ways to the same gradient (summed over all samples)": "同一梯度的三种求法（全部样本求和）",
    "Paths from the weight to L": "从该权重到 L 的路径",
    "Nudge the weight": "微调该权重",
    "sample": "样本",
    "Which training sample's numbers the formula shows.": "公式中代入哪一个训练样本的数值。",
    "Copy as LaTeX": "复制为 LaTeX",
    "Copy the chain and its formula in the article's notation, for slides.": "按文中记号复制影响链路与公式，用于幻灯片。",
    "path": "路径",
    "value": "数值",
    "share": "占比",
    "by": "改变",
    "Move the selected weight by this much, compare, and put it back.": "将所选权重改变这么多，比较后再放回。",
    "Nudge": "微调",
    "<b>Click a weight in the diagram</b> to see its loss-influence chain.": "<b>点击网络图中的权重</b>，查看它的 loss 影响链路。",
    "Node {node}: value {value}{grad} (sample {sample})": "节点 {node}：数值 {value}{grad}（样本 {sample}）",
    "iteration {n}": "第 {n} 次迭代",
    "Summed over all {n} samples:": "对全部 {n} 个样本求和：",
    "rel. diff": "相对差",
    "(computed when paused)": "（暂停时计算）",
    "{n} path(s)": "{n} 条路径",
    "; the first {listed} are listed": "；列出前 {listed} 条",
    "Per output: {parts}": "各输出的贡献：{parts}",
    "predicted ΔJ = g·δ = {predicted}; actual ΔJ = {actual}; weight put back.":
        "预测 ΔJ = g·δ = {predicted}；实际 ΔJ = {actual}；权重已放回。",
    # plot
    "test (×{scale}: scaled to the training size)": "测试（×{scale}：换算到训练集大小）",
    "(iteration {n})": "（第 {n} 次迭代）",
    # main window
    "Controls": "设置",
    "Inspector": "检查器",
    "Prediction probe": "预测探针",
    "Runs": "训练记录",
    "Run": "运行",
    "Train at full speed": "全速训练",
    "Pause": "暂停",
    "Stop on this iteration": "停在这次迭代",
    "Step": "单步",
    "Exactly one iteration": "只做一次迭代",
    "Step phase": "单步阶段",
    "One phase of the next iteration: forward, loss, backward, update": "下一次迭代的一个阶段：正向、损失、反向传播、更新",
    "Rewind": "回退",
    "Back to the previous pause or step": "回到上一次暂停或单步",
    "Reset": "重置",
    "Back to the start point of this run": "回到本次训练的起点",
    "BP Studio — backpropagation laboratory": "BP Studio — 反向传播实验室",
    "Training": "训练",
    "Training stopped because of an error: {error}": "训练因错误而停止：{error}",
    # menus
    "<h3>BP Studio {version}</h3><p>A desktop laboratory for backpropagation.</p><p>After the article <i>Back Propagation - Python实现</i> (2021), whose ideas — linear and non-linear operations as links of one graph, the loss-influence chain of a weight, sums at the sources — this studio draws live.</p>":
        "<h3>BP Studio {version}</h3><p>反向传播的桌面实验室。</p><p>源自文章 <i>Back Propagation - Python实现</i>（2021）："
        "统一看待线性运算与非线性运算、确定求导变量的 loss 影响链路、在源处求和——本软件把这些思想实时画出来。</p>",
    "<p>Adding the same numbers in a different order changes the last bit, and a vectorised engine adds in a different order than the article's per-sample loop.</p><p>This training run amplifies such differences, so after tens of thousands of iterations two correct programs agree only to a few digits: the same curve, not the same last digits.</p>":
        "<p>同样的数按不同顺序相加，最后一位会不同；向量化的引擎与文中逐样本的循环相加顺序不同。</p>"
        "<p>这次训练会放大这种差别，所以几万次迭代之后，两个都正确的程序只在前几位一致：曲线相同，末位不同。</p>",
    "&File": "文件(&F)",
    "&Training": "训练(&T)",
    "&View": "视图(&V)",
    "&Theme": "主题(&T)",
    "&Language": "语言(&L)",
    "&Help": "帮助(&H)",
    "&Quit": "退出(&Q)",
    "&Presentation mode": "演示模式(&P)",
    "&Light": "浅色(&L)",
    "&Dark": "深色(&D)",
    "Log scale for JVal": "JVal 用对数坐标",
    "Fit diagram to view": "网络图适应窗口",
    "&Guided tour of the article's experiment": "文中实验导览(&G)",
    "About BP Studio": "关于 BP Studio",
    "Why the last digits of a long run differ": "为什么长时间训练的末位会不同",
    "Large text, nodes and lines for a projector; side panels hidden": "为投影放大文字、节点与线条，并隐藏侧边面板",
    # probe
    "<b>output</b> &nbsp;&nbsp; network &nbsp;&nbsp; true": "<b>输出</b> &nbsp;&nbsp; 网络 &nbsp;&nbsp; 真实值",
    "Input {name}, from {lo} to {hi} (the data's range)": "输入 {name}，从 {lo} 到 {hi}（数据的范围）",
    # runs
    "Adam": "Adam",
    "gradient descent": "梯度下降",
    "momentum": "动量",
    "{samples} samples, seed {seed}": "{samples} 个样本，种子 {seed}",
    "({iterations} it., JVal {jval})": "（{iterations} 次迭代，JVal {jval}）",
    "Finished runs; tick to overlay their JVal curves.": "已完成的训练；勾选即叠加其 JVal 曲线。",
    "Remove": "移除",
    "Forget the selected run": "删除所选的训练记录",
    # session files
    "BP Studio sessions (*.bpstudio)": "BP Studio 会话 (*.bpstudio)",
    "&Open…": "打开(&O)…",
    "&Save": "保存(&S)",
    "Save &As…": "另存为(&A)…",
    "Open &Recent": "最近打开(&R)",
    "(none)": "（无）",
    "Open session": "打开会话",
    "Cannot open the session": "无法打开会话",
    "{name} cannot be opened:\n{reason}\n\nThe current session stays as it was.": "无法打开 {name}：\n{reason}\n\n当前会话保持不变。",
    "Save session": "保存会话",
    "Cannot save the session": "无法保存会话",
    "Saved {path}": "已保存 {path}",
    "Unsaved work": "未保存的工作",
    "This session has changed since it was last saved. Save it first?": "本会话自上次保存后已有改动。先保存吗？",
    # status bar
    "ready": "就绪",
    "running": "运行中",
    "paused": "已暂停",
    "phase by phase": "逐阶段执行",
    "converged": "已收敛",
    "diverged": "已发散",
    "finished": "已完成",
    "stopped at max iterations": "达到最大迭代次数而停止",
    "stopped: diverged": "停止：已发散",
    "{rate} it/s": "{rate} 次/秒",
}

TRANSLATIONS.update({
    # engine refusals (shown next to the field)
    "{key} must be greater than 0": "{key} 必须大于 0",
    "{key} must be in [0, 1)": "{key} 必须在 [0, 1) 之内",
    "{key} must be 0 or greater": "{key} 必须大于或等于 0",
    "{key} must be a number": "{key} 必须是数字",
    "{key} must be a finite number": "{key} 必须是有限的数",
    "{key} must be a whole number": "{key} 必须是整数",
    "hidden sizes must be whole numbers from 1 to {n}": "隐藏层大小必须是 1 到 {n} 的整数",
    "activation must be one of {names}": "激活函数必须是以下之一：{names}",
    "optimizer must be one of {names}": "优化器必须是以下之一：{names}",
    "max_iter must be a whole number, 0 or greater": "最大迭代次数必须是大于或等于 0 的整数",
    "samples must be a whole number from 1 to {n}": "样本数必须是 1 到 {n} 的整数",
    "seed must be a whole number from 0 to 4294967295": "随机种子必须是 0 到 4294967295 的整数",
    "init must be one of {names}": "初始化方式必须是以下之一：{names}",
    "test_fraction must be from 0 to 0.9": "测试比例必须在 0 到 0.9 之间",
    "use either target formulas or a data file, not both": "目标公式与数据文件只能二选一",
    "a data file needs its input and target columns named": "数据文件需要指定输入列与目标列",
    "input and target columns need a data file": "指定输入列与目标列需要数据文件",
    "hidden sizes look like 5 or 8,6": "隐藏层大小的写法如 5 或 8,6",
    # the legible lesson: typeset chain, basic links, phases (issue 11)
    "value of {p}": "{p} 的值",
    "∂L/∂{p} (all samples)": "∂L/∂{p}（全部样本）",
    "source Σ: branches summed": "源 Σ：各分支在此求和",
    "below a sink: defined once": "汇之后：只定义一次",
    "Chain rule — one sample's numbers": "链式法则——单个样本的数值",
    "Basic links (基础影响链路)": "基础影响链路",
    "Each link's local derivative, before they are multiplied: the forward pass computes these; the backward pass multiplies them along each path and sums at the sources.":
        "相乘之前，每条链路的局部导数：前向计算求出它们；反向传播沿每条路径相乘，并在源处求和。",
    "Value, gradient, optimizer step": "值、梯度与优化器的一步",
    "One gradient, three ways (all samples)": "同一梯度的三种求法（全部样本）",
    "Paths from the parameter to L": "从参数到 L 的路径",
    "Nudge the parameter": "微调参数",
    "by Δw =": "改变 Δw =",
    "Move the selected parameter by this much, compare, and put it back. The default is small enough for the tangent to predict the change well.":
        "把所选参数移动这么多，比较后再放回。默认值足够小，切线能很好地预测变化。",
    "Summed over all {n} samples: ∂L/∂{p} = {value}": "对全部 {n} 个样本求和：∂L/∂{p} = {value}",
    "tangent g·Δw = <b>{predicted}</b><br>actual ΔJ = <b>{actual}</b><br>curvature ½·J″·Δw² = {curvature} (J″ = {second})<br>tangent + curvature = {both} — what is left is of higher order.<br>The parameter was put back.":
        "切线预测 g·Δw = <b>{predicted}</b><br>实际 ΔJ = <b>{actual}</b><br>曲率项 ½·J″·Δw² = {curvature}（J″ = {second}）<br>切线 + 曲率 = {both}——剩下的是更高阶项。<br>参数已放回。",
    "inputs {inputs}; targets {targets}": "输入 {inputs}；目标 {targets}",
    "No shares: the paths nearly cancel (their total is under a tenth of their sizes), so a share of that total would say nothing — compare the signed values instead.":
        "不显示占比：各路径几乎相互抵消（总和不到其大小的十分之一），占比没有意义——请比较带符号的数值。",
    "sample {n}: {values}": "样本 {n}：{values}",
    "forward through layer {layer}: values of every node": "前向经过第 {layer} 层：每个节点的值",
    "loss: each output's error": "损失：每个输出的误差",
    "backward through layer {layer}: ∂L/∂node, toward the inputs": "反向经过第 {layer} 层：∂L/∂节点，朝向输入",
    "update ({optimizer}): every weight moves": "更新（{optimizer}）：每个权重移动一步",
    "Iteration {k} · {i}/{n} · ": "第 {k} 次迭代 · {i}/{n} · ",
    "sample {s}: L = {loss}; JVal = Σ L over all samples = {jval}": "样本 {s}：L = {loss}；JVal = 全部样本的 Σ L = {jval}",
})

# issue 18: explained to a student at home
TRANSLATIONS.update({
    # options shown by name
    "uniform": "均匀",
    "zeros": "全零",
    "identity": "恒等",
    # why the run stopped
    "stopped: the largest gradient component is below ζ": "已停止：梯度的最大分量小于 ζ",
    "stopped: the weights moved less than ζ²": "已停止：权重的移动小于 ζ²",
    "stopped: JVal changed less than ζ²": "已停止：JVal 的变化小于 ζ²",
    "stopped: the weights or JVal changed less than ζ²": "已停止：权重或 JVal 的变化小于 ζ²",
    "reached the iteration limit": "已达到最大迭代次数",
    "diverged at iteration {n}: JVal overflowed": "第 {n} 次迭代发散：JVal 溢出",
    "The run diverged at iteration {n}: JVal or a weight stopped being a finite number. Lower alpha, then rewind or reset.":
        "训练在第 {n} 次迭代发散：JVal 或某个权重不再是有限数。请减小 alpha，然后回退或重置。",
    "The run has stopped; rewind or reset before stepping through another iteration.":
        "训练已停止；要再逐阶段走一次迭代，请先回退或重置。",
    "All start weights of {layers} are equal, so every unit they feed computes the same value and receives the same gradient: the units can never become different (the article's note 3, symmetry). With all zeros the hidden gradients stay 0. Start from uniform weights; the manual's experiment “All-zero start” shows why.":
        "{layers} 的初始权重全部相等，因此它们连接的每个单元都算出相同的值、得到相同的梯度：这些单元永远无法变得不同（文中注释③：对称性）。"
        "全零初始化时隐藏层的梯度始终为 0。请改用均匀初始化；手册中的实验“全零初始化”说明了原因。",
    # CSV files
    "{file} is larger than {mb} MB": "{file} 大于 {mb} MB",
    "{file} does not exist": "{file} 不存在",
    "{file} is a folder, not a CSV file": "{file} 是文件夹，不是 CSV 文件",
    "{file} cannot be read ({reason})": "无法读取 {file}（{reason}）",
    "{file} is not a CSV file (it holds binary data)": "{file} 不是 CSV 文件（其中是二进制数据）",
    "{file} is not a CSV text file (it is not UTF-8)": "{file} 不是 CSV 文本文件（不是 UTF-8 编码）",
    "{file} is empty": "{file} 是空的",
    "{file} needs a header row naming every column (e.g. r,g,b,x)": "{file} 需要一行表头为每一列命名（例如 r,g,b,x）",
    "{file} names a column twice in its header": "{file} 的表头中有重复的列名",
    "{file} has no column “{column}”; its columns are {columns}": "{file} 没有“{column}”这一列；它的列是 {columns}",
    "choose at least one input column and one target column": "请至少选择一个输入列和一个目标列",
    "a column cannot be both an input and a target": "一列不能既是输入又是目标",
    "{file} has {rows} data row(s); at least {least} are needed": "{file} 有 {rows} 行数据；至少需要 {least} 行",
    "{file}, row {row}, column {column}: the value is missing": "{file}，第 {row} 行，{column} 列：缺少数值",
    "{file}, row {row}, column {column}: “{cell}” is not a number": "{file}，第 {row} 行，{column} 列：“{cell}”不是数字",
    "{file}, row {row}, column {column}: “{cell}” is not a finite number": "{file}，第 {row} 行，{column} 列：“{cell}”不是有限数",
    # target formulas
    "{name} is not a finite number for sample {sample} (a division by zero, the square root of a negative number, or too large a power?)":
        "{name} 在样本 {sample} 上不是有限数（除以零、负数开平方，还是幂次太大？）",
    "a formula must be text like x = r + 2*g": "公式必须是形如 x = r + 2*g 的文字",
    "a formula may be at most {n} characters long": "公式最多 {n} 个字符",
    "write a formula as name = expression, e.g. x = r + 2*g + 3*b": "请把公式写成 名称 = 表达式，例如 x = r + 2*g + 3*b",
    "“{name}” cannot name a target: use a new name such as x, y or lv": "“{name}”不能作为目标名：请用新名字，例如 x、y 或 lv",
    "“{expression}” is not a formula BP Studio can read": "“{expression}”不是 BP Studio 能读懂的公式",
    "the formula is too long (at most {n} parts)": "公式太长（最多 {n} 个部分）",
    "only + - * / and ** are allowed": "只允许 + - * / 和 **",
    "only + and - may stand before a value": "数值前只能有 + 或 -",
    "“{value}” is not a number": "“{value}”不是数字",
    "unknown name “{name}”: use the inputs {inputs}": "未知名称“{name}”：请使用输入 {inputs}",
    "functions allowed: {functions}, each of one value": "允许的函数：{functions}，每个只接受一个值",
    "unknown function “{name}”: use {functions}": "未知函数“{name}”：请使用 {functions}",
    "“{name}” takes one value, e.g. {name}(r)": "“{name}”只接受一个值，例如 {name}(r)",
    "{part} is not allowed in a formula": "公式中不允许 {part}",
    "“{name}” is a function, not a value": "“{name}”是函数，不是数值",
    "each target needs its own name": "每个目标需要自己的名字",
    "give at least one formula": "请至少给出一个公式",
    # diagram tooltips
    "Source (源): a node of this influence chain with several downstream branches. The gradient is summed here: ∂L/∂node is the sum over its branches, each a product of basic links.":
        "源（source）：影响链路中有多个下游分支的节点。梯度在这里求和：∂L/∂节点 等于各分支之和，每个分支是基础影响链路的乘积。",
    "Sink (汇): a node of this influence chain where several upstream branches meet, such as L. Nothing is summed for the parameter here; ∂L/∂node is defined once, below it.":
        "汇（sink）：影响链路中多个上游分支汇合的节点，例如 L。这里不为参数求和；∂L/∂节点 只在其下方定义一次。",
    "{name}: input {k} of the data ({symbol} in the article); {augmented} is the inputs with a constant 1 appended":
        "{name}：数据的第 {k} 个输入（文中的 {symbol}）；{augmented} 是在输入后面补上常数 1",
    "1: the constant that makes {augmented} = [{outputs}; 1]; its links carry the biases {biases}, the last row of {matrix}":
        "1：使 {augmented} = [{outputs}; 1] 的常数；从它出发的链路带着偏置 {biases}，即 {matrix} 的最后一行",
    "{name}: what unit {j} of layer {l} receives, the linear operation {inputs} = {matrix}ᵀ·{augmented}":
        "{name}：第 {l} 层第 {j} 个单元接收的值，即线性运算 {inputs} = {matrix}ᵀ·{augmented}",
    "{name} = {f}({pre}): what unit {j} of layer {l} passes on, the non-linear operation":
        "{name} = {f}({pre})：第 {l} 层第 {j} 个单元传出的值，即非线性运算",
    "{name}: the network's prediction ŷ of the target {name} (= {rule}); L compares it with the sample's target":
        "{name}：网络对目标 {name} 的预测 ŷ（= {rule}）；L 将它与样本的目标值比较",
    "L = ½ Σ (ŷ − y)²: the loss of one sample; JVal is the sum of L over all samples":
        "L = ½ Σ (ŷ − y)²：一个样本的损失；JVal 是 L 对全部样本的求和",
    "sample {sample}: value {value}": "样本 {sample}：值 {value}",
    "sample {sample}: value {value}, ∂L/∂{name} = {gradient}": "样本 {sample}：值 {value}，∂L/∂{name} = {gradient}",
    "a basic link (基础影响链路): this link's local derivative, for sample {sample}. Backpropagation multiplies them along every path to L.":
        "基础影响链路：这条链路的局部导数（样本 {sample}）。反向传播沿着通往 L 的每条路径把它们相乘。",
    "Click to light up the influence chain (影响链路) of {name}.": "点击可点亮 {name} 的影响链路。",
    # the manual
    "&Manual": "使用手册(&M)",
    "BP Studio manual": "BP Studio 使用手册",
})

# saving, opening and the size budget (issue 12)
TRANSLATIONS.update({
    'there was not enough memory for this run: reduce the samples or the hidden sizes': '内存不足以进行这次训练：请减少样本数或隐藏层大小',
    'this network has {n} weights; the studio draws at most {cap}: reduce the hidden sizes': '该网络有 {n} 个权重；工作室最多绘制 {cap} 个：请减小隐藏层大小',
    'this network has {n} hidden units; the studio draws at most {cap}: reduce the hidden sizes': '该网络有 {n} 个隐藏单元；工作室最多绘制 {cap} 个：请减小隐藏层大小',
    'this run would need about {need} GB of memory (the budget is {cap} GB): reduce the samples, the hidden sizes or max_iter': '这次训练约需 {need} GB 内存（上限为 {cap} GB）：请减少样本数、隐藏层大小或最大迭代次数',
    'one iteration would take about {need} s (the budget is {cap} s): reduce the samples or the hidden sizes': '一次迭代约需 {need} 秒（上限为 {cap} 秒）：请减少样本数或隐藏层大小',
    'checking {n} weights by finite differences would take about {need} s (the budget is {cap} s): reduce the hidden sizes or the samples': '用有限差分检查 {n} 个权重约需 {need} 秒（上限为 {cap} 秒）：请减小隐藏层大小或样本数',
    "The remembered settings could not be used ({reason}); BP Studio starts with the article's run.": '无法使用上次保存的设置（{reason}）；BP Studio 以文章的训练设置启动。',
    'Settings set aside': '已弃用保存的设置',
    'Finishing the current step… BP Studio closes when it is done.': '正在完成当前步骤……完成后 BP Studio 将关闭。',
})

# classification, data sets, penalties (issue 14)
TRANSLATIONS.update({
    'dataset must be one of {names}': '数据集必须是以下之一：{names}',
    'a 2-D data set takes neither target formulas nor a data file': '二维数据集不能与目标公式或数据文件同时使用',
    'classes must be 2 or 3': '类别数必须是 2 或 3',
    '3 classes exist for the gauss and spiral data sets only': '只有 gauss 和 spiral 数据集有 3 个类别',
    'noise must be from 0 to 0.5': '噪声必须在 0 到 0.5 之间',
    'input features need a 2-D data set (x1, x2)': '输入特征需要二维数据集（x1、x2）',
    'features must be distinct names from {names}': '特征必须是以下名称且不重复：{names}',
    'loss must be one of {names}': '损失函数必须是以下之一：{names}',
    'output must be one of {names}': '输出层必须是以下之一：{names}',
    'cross-entropy needs softmax or sigmoid outputs': '交叉熵需要 softmax 或 sigmoid 输出',
    'cross-entropy needs classes: a classification data set or a class column': '交叉熵需要类别：分类数据集或类别标签列',
    'with cross-entropy the target is one column of class labels': '使用交叉熵时，目标是一列类别标签',
    'a sigmoid output tells 2 classes apart; use softmax for 3': 'sigmoid 输出只能区分 2 个类别；3 个类别请用 softmax',
    '{key} must be a number, 0 or greater': '{key} 必须是大于或等于 0 的数',
    'batch_size must be a whole number, 0 (the whole set) or greater': '批大小必须是大于或等于 0 的整数（0 表示整个数据集）',
})

TRANSLATIONS.update({
    "{optimizer} does not use this setting": "{optimizer} 不使用这一设置",
})

# CSV refusals as templates (issues 12, 14 and 18 together)
TRANSLATIONS.update({
    "{file} is not a regular file (a device, FIFO or socket); choose a CSV file":
        "{file} 不是普通文件（而是设备、FIFO 或套接字）；请选择一个 CSV 文件",
    "{file} has more than {rows} data rows": "{file} 的数据行超过 {rows} 行",
    "{file}, row {row}: {reason}": "{file}，第 {row} 行：{reason}",
    "{file}, column {column}: a class column needs at least two different labels":
        "{file}，{column} 列：类别列至少需要两个不同的标签",
    "a sigmoid output tells 2 classes apart; {file} has {n}: use softmax":
        "sigmoid 输出只能区分 2 个类别；{file} 有 {n} 个：请使用 softmax",
})

TRANSLATIONS.update({
    "the data ({n} samples) is too large to write into a script; use fewer samples, or a CSV file of numeric targets":
        "数据（{n} 个样本）太大，无法写入脚本；请减少样本数，或使用数值目标的 CSV 文件",
})

TRANSLATIONS.update({
    "{field} {old} → {new} at {iteration}": "{field} {old} → {new}（第 {iteration} 次迭代）",
})

TRANSLATIONS.update({  # the plot's own words (issue 13)
    "seed": "起点",
    "solution": "解",
    "epoch": "迭代次数",
})

TRANSLATIONS.update({  # the timeline (issue 13)
    "Redo": "重做",
    "Forward again to the next point a rewind stepped back over": "前进到回退时越过的下一个点",
})

TRANSLATIONS.update({  # the optimizer step block (issue 18)
    "Value and gradient now": "当前的值与梯度",
    "The optimizer step that made these weights": "得到当前权重的那一步优化",
    "No step has been taken yet: these are the start weights.": "还没有迭代：这是初始权重。",
    "g is the gradient the step used (of iteration t − 1); the gradient shown above is the one the next step will use.":
        "g 是这一步所用的梯度（第 t − 1 次迭代的）；上面显示的梯度是下一步要用的。",
    "Adam's first step is about −α·sign(g): m̂ = g and v̂ = g², so m̂/√v̂ = ±1 whatever the size of g.":
        "Adam 的第一步约为 −α·sign(g)：此时 m̂ = g、v̂ = g²，所以无论 g 多大，m̂/√v̂ = ±1。",
})

TRANSLATIONS.update({  # the studio model and its views (issue 13, session 3)
    "(the step's numbers are shown when paused or stepping)": "（这一步的数值在暂停或单步时显示）",
})

TRANSLATIONS.update({  # terms box, the sample beside the formula, from one sample to all (issue 18)
    "Terms": "术语",
    "Source (源)": "源（source）",
    "Sink (汇)": "汇（sink）",
    "Basic link (基础影响链路)": "基础影响链路（basic link）",
    "{term}: {definition}": "{term}：{definition}",
    "a node of this chain with several downstream branches; the gradients coming back along them are summed there.":
        "本链路中有多个下游分支的节点；沿这些分支传回的梯度在这里求和。",
    "a node of this chain where several upstream branches meet, such as L; nothing is summed for the parameter there.":
        "本链路中多个上游分支汇合的节点，例如 L；对这个参数而言，这里不做求和。",
    "one edge a → b of the diagram with its local derivative ∂b/∂a; backpropagation multiplies them along each path to L.":
        "图中的一条边 a → b 及其局部导数 ∂b/∂a；反向传播沿通往 L 的每条路径把它们相乘。",
    "Hover the diagram's nodes and links, or the formula's source and sink tags, for more.":
        "把鼠标停在图中的节点、连线或公式里的“源”“汇”标签上，可看到更多说明。",
    "inputs: {inputs}": "输入：{inputs}",
    "prediction ŷ": "预测 ŷ",
    "target": "目标",
    "From one sample to all samples": "从单个样本到全部样本",
    "{count} samples with a term in [{low}, {high}]": "{count} 个样本的贡献在 [{low}, {high}] 之间",
    "JVal is a sum over the samples, so ∂JVal/∂{p} is the sum of every sample's own chain value. "
    "Sample {s}, whose numbers the formula shows, adds <b>{v}</b> (▲ under the bars).":
        "JVal 是对全部样本求和，所以 ∂JVal/∂{p} 等于每个样本各自的链路值之和。"
        "公式所用的样本 {s} 贡献 <b>{v}</b>（柱状图下的 ▲）。",
    "sample {s}": "样本 {s}",
    "The largest terms:": "贡献最大的几项：",
    "Σ of the {n} terms = {data}, + the penalty's {penalty} = <b>{total}</b> = ∂JVal/∂{p}":
        "{n} 项之和 = {data}，加上惩罚项的 {penalty} = <b>{total}</b> = ∂JVal/∂{p}",
    "Σ of the {n} terms = <b>{total}</b> = ∂JVal/∂{p}, the gradient":
        "{n} 项之和 = <b>{total}</b> = ∂JVal/∂{p}，即梯度",
})

TRANSLATIONS.update({  # why each basic link is what it is (issue 18)
    "I = Σ Õ·w is linear in w: the slope is the input the weight multiplies":
        "I = Σ Õ·w 对 w 是线性的：斜率就是这个权重所乘的输入",
    "a bias multiplies the constant 1 of Õ, so the slope is 1": "偏置乘的是 Õ 中的常数 1，所以斜率为 1",
    "I = Σ Õ·w is linear in O: the slope is the weight on this link": "I = Σ Õ·w 对 O 是线性的：斜率就是这条连线上的权重",
    "this layer is linear (O = I), so the factor is 1": "这一层是线性的（O = I），所以该因子为 1",
    "tanh′(I) = 1 − tanh²(I) = 1 − O²: read from the unit's output": "tanh′(I) = 1 − tanh²(I) = 1 − O²：由该单元的输出算出",
    "σ′(I) = σ(I)(1 − σ(I)) = O(1 − O): read from the unit's output": "σ′(I) = σ(I)(1 − σ(I)) = O(1 − O)：由该单元的输出算出",
    "ReLU passes I where I > 0 (slope 1) and stops it elsewhere (slope 0)": "ReLU 在 I > 0 处让 I 通过（斜率 1），其他地方截断（斜率 0）",
    "softmax couples the outputs: each ŷ depends on every I": "softmax 把各输出耦合在一起：每个 ŷ 都依赖所有 I",
    "the activation's derivative at I": "激活函数在 I 处的导数",
    "L = ½ (ŷ − y)²: its slope in ŷ is the error ŷ − y": "L = ½ (ŷ − y)²：它对 ŷ 的斜率就是误差 ŷ − y",
    "the cross-entropy's slope in ŷ": "交叉熵对 ŷ 的斜率",
    "the penalty's slope, shared out over the n samples": "惩罚项的斜率，平均分摊到 n 个样本上",
    "L adds the penalty R, so the factor is 1": "L 中加上了惩罚项 R，所以该因子为 1",
})

# issue 14 (studio half a): data and task controls, accuracy, lessons
TRANSLATIONS.update({
    "How many samples the data set draws; the loss JVal sums over them. A new run: the start weights are drawn after the data, so they change too.": "数据集抽取的样本数；损失 JVal 对它们求和。这会开始新的训练：初始权重在数据之后抽取，所以也会改变。",
    "The article's r, g, b, or TensorFlow Playground's 2-D sets: circle, xor, gauss, spiral, moons (classes); plane, multi-gauss (regression).":
        "文中的 r, g, b，或 TensorFlow Playground 的二维数据集：圆环、异或、高斯簇、螺旋、双月（分类）；平面、多高斯（回归）。",
    "How many classes the gauss and spiral sets draw: 2 or 3.": "高斯簇和螺旋数据集的类别数：2 或 3。",
    "How far the 2-D points are jittered: 0 (clean) to 0.5.": "二维数据点的抖动幅度：0（无噪声）到 0.5。",
    "What the network is shown of a 2-D point: each ticked feature is one input node.":
        "网络看到二维数据点的哪些量：每个勾选的特征是一个输入节点。",
    "mse: half the squared error, summed (the article's JVal); cross-entropy: for classes, with softmax or sigmoid outputs.":
        "mse：平方误差的一半求和（即文中的 JVal）；交叉熵：用于分类，配合 softmax 或 sigmoid 输出。",
    "The output layer's link: linear (the article), softmax (class shares that add up to 1) or sigmoid (one output for two classes).":
        "输出层的运算：线性（文中的做法）、softmax（各类别概率之和为 1）或 sigmoid（两个类别用一个输出）。",
    "L1 rate: adds l1·Σ|w| over the non-bias weights to JVal; it pushes weights to exactly 0.":
        "L1 系数：在 JVal 上加上非偏置权重的 l1·Σ|w|；它把权重推向恰好为 0。",
    "L2 rate: adds l2/2·Σw² over the non-bias weights to JVal; it keeps weights small.":
        "L2 系数：在 JVal 上加上非偏置权重的 l2/2·Σw²；它让权重保持较小。",
    "Samples per step, in a seeded shuffled order; 0 is the whole set, as in the article.":
        "每一步使用的样本数，按固定种子打乱顺序；0 表示整个数据集，与文中相同。",
    "Data set": "数据集",
    "Classes": "类别数",
    "Noise": "噪声",
    "Input features": "输入特征",
    "Loss": "损失函数",
    "Output": "输出层",
    "L1 rate": "L1 系数",
    "L2 rate": "L2 系数",
    "Batch size": "批大小",
    "Data (starts a new run)": "数据（开始新的训练）",
    "Model (starts a new run)": "模型（开始新的训练）",
    "none: inputs straight to the outputs": "无：输入直接连到输出",
    "tick at least one input feature": "请至少勾选一个输入特征",
    "Data: {dataset}, points (x₁, x₂) in the plane": "数据：{dataset}，平面上的点 (x₁, x₂)",
    "article (r, g, b)": "文中数据 (r, g, b)",
    "circle": "圆环",
    "xor": "异或",
    "gauss": "高斯簇",
    "spiral": "螺旋",
    "moons": "双月",
    "plane": "平面",
    "multi-gauss": "多高斯",
    "mse (squared error)": "mse（平方误差）",
    "cross-entropy": "交叉熵",
    "linear": "线性",
    "The data come from a CSV file; “Article's data” goes back to the built-in data sets.":
        "数据来自 CSV 文件；按“文中的数据”可回到内置数据集。",
    "A CSV class column brings its own classes.": "CSV 的类别列自带类别。",
    "A CSV file has its own rows.": "CSV 文件有自己的数据行。",
    "Classes belong to the classification data sets (circle, xor, gauss, spiral, moons).":
        "类别数只属于分类数据集（圆环、异或、高斯簇、螺旋、双月）。",
    "{dataset} has 2 classes; gauss and spiral also come with 3.": "{dataset} 有 2 个类别；高斯簇和螺旋也可以有 3 个。",
    "Noise and input features belong to the 2-D data sets (x₁, x₂).": "噪声和输入特征只属于二维数据集（x₁, x₂）。",
    "Cross-entropy needs classes: choose a classification data set or a CSV class column.":
        "交叉熵需要类别：请选择分类数据集或 CSV 的类别列。",
    "Target formulas are written over the article's r, g, b.": "目标公式是用文中的 r, g, b 写的。",
    "accuracy {train}": "准确率 {train}",
    "accuracy {train} · test {test}": "准确率 {train} · 测试 {test}",
    "L&essons": "课程(&E)",
    "Put the lesson's text away": "收起本课的说明",
    "Lesson: {title}": "课程：{title}",
    "The article's experiment": "文中的实验",
    "Inputs r, g, b, five tanh units, outputs x, y, lv; Adam with α = 0.001 from uniform start weights. The weight w₁₁⁽⁰⁾ is chosen: its loss-influence chain is lit, and O₁⁽¹⁾ is the source where its three branches are summed. Press Space to train the 50 000 iterations: the plot becomes the article's figure, from the green seed to the red solution star.":
        "输入 r, g, b，五个 tanh 单元，输出 x, y, lv；Adam，α = 0.001，初始权重均匀分布。已选中权重 w₁₁⁽⁰⁾："
        "它的 loss影响链路被点亮，O₁⁽¹⁾ 是源，它的三个分支在那里求和。按空格键训练 50 000 次迭代："
        "曲线图就成了文中的那张图，从绿色的起点到红色的解。",
    "α too large": "α 过大",
    "Plain gradient descent with α = 0.002 on the article's network. JVal is a sum over 1000 samples, so its gradient is large and each step jumps across the valley. Press → a few times: JVal falls, then swings up. Press Space: it grows by orders of magnitude and the run stops as diverged (Ctrl+L shows it on a log scale). Reset, set α to 0.0005 and run again: JVal falls.":
        "在文中的网络上用普通梯度下降，α = 0.002。JVal 是 1000 个样本的和，所以梯度很大，每一步都跳过了谷底。"
        "按几次 →：JVal 先下降，然后来回摆动着上升。按空格键：它增长几个数量级，训练以发散停止"
        "（Ctrl+L 用对数坐标显示）。重置，把 α 设为 0.0005 再运行：JVal 下降。",
    "All-zero start": "全零初始化",
    "Every start weight is 0 (Init: zeros). Each hidden unit computes the same value and receives the same gradient, so the units can never become different — the article's note ③. With zero output weights no gradient even reaches the hidden layer: the chosen w₁₁⁽⁰⁾ shows ∂L/∂w = 0. Run it: JVal falls only as far as the output biases take it. Set Init to uniform to break the symmetry.":
        "所有初始权重都是 0（初始化：全零）。每个隐藏单元算出相同的值、得到相同的梯度，所以这些单元永远不会变得不同"
        "——即文中的注意事项③。输出权重为零时，梯度甚至传不到隐藏层：选中的 w₁₁⁽⁰⁾ 显示 ∂L/∂w = 0。"
        "运行：JVal 只能降到输出偏置所能达到的程度。把初始化设为均匀即可打破对称。",
    "Dead ReLU": "死亡的 ReLU",
    "ReLU hidden units with plain gradient descent, α = 0.0005. The first steps are large and push the input I of a hidden unit below 0 for every sample; there ReLU's slope is 0, so no gradient reaches that unit's weights again: it is dead. Press Space: within a few dozen iterations every unit is dead and JVal stops near 11 400 (the diagram marks dead units). With α = 0.0001 most units live.":
        "ReLU 隐藏单元，普通梯度下降，α = 0.0005。最初几步很大，把隐藏单元的输入 I 对每个样本都推到 0 以下；"
        "那里 ReLU 的斜率为 0，梯度再也到不了这个单元的权重：它死了。按空格键：几十次迭代内所有单元都死亡，"
        "JVal 停在 11 400 附近（图中会标出死亡的单元）。α = 0.0001 时大多数单元都活着。",
    "Vanishing gradients": "梯度消失",
    "Six hidden layers of six sigmoid units on the spiral. The sigmoid's slope is at most ¼, and the chain from a weight to L takes one such factor per layer, so the first layer's gradient is about a thousand times smaller than the last one's: the gradient-health plot shows each layer's ‖∂L/∂W⁽ˡ⁾‖. The chosen w₁₁⁽⁰⁾ sits in the first layer; read the factors of its chain in the inspector, then try tanh or relu.":
        "螺旋数据上六个隐藏层，每层六个 sigmoid 单元。sigmoid 的斜率最多为 ¼，从权重到 L 的影响链路每经过一层就乘上一个这样的因子，"
        "所以第一层的梯度比最后一层小约一千倍：梯度健康图显示每层的 ‖∂L/∂W⁽ˡ⁾‖。选中的 w₁₁⁽⁰⁾ 位于第一层；"
        "在检查器里读它的链路上的各个因子，然后试试 tanh 或 relu。",
    "XOR needs a hidden layer": "异或需要隐藏层",
    "The xor data: the class is the sign of x₁·x₂. This network has no hidden layer, so its softmax draws one straight border and accuracy stays near 50 %. Press Space, then type 4 in Hidden sizes (a new run) and press Space again: the 2-4-2 network reaches 100 %. Or keep no hidden layer and tick the feature x₁x₂.":
        "异或数据：类别由 x₁·x₂ 的符号决定。这个网络没有隐藏层，它的 softmax 只能画出一条直的分界线，准确率停在 50 % 左右。"
        "按空格键，然后在“隐藏层大小”中输入 4（开始新的训练），再按空格键：2-4-2 网络达到 100 %。"
        "或者不加隐藏层，勾选特征 x₁x₂。",
    "Overfitting, cured by L2": "过拟合，用 L2 治好",
    "40 noisy moons, half of them held out as a test set (the orange curve), and a 2-16-16-2 network: far more weights than samples. Press Space: the train accuracy reaches 100 % while the test JVal, after its minimum, climbs again — the network learns the noise. Set L2 rate to 0.03 (a new run) and press Space again: the test JVal stays near its minimum.":
        "40 个带噪声的双月样本，一半留作测试集（橙色曲线），网络为 2-16-16-2：权重远多于样本。按空格键："
        "训练准确率达到 100 %，而测试 JVal 在最低点之后又上升——网络学到了噪声。把 L2 系数设为 0.03（开始新的训练），再按空格键："
        "测试 JVal 停在最低点附近。",
    "Softmax makes sources": "softmax 产生源",
    "Three spiral classes, softmax outputs and cross-entropy. The chosen weight w₁₁⁽¹⁾ feeds only I₁⁽²⁾, yet I₁⁽²⁾ is a source: softmax makes every output depend on every I⁽²⁾, so I₁⁽²⁾ has a branch to each output, and the chain sums them there — the article's note ①. Set Loss to mse (the output follows it to linear): the same weight has one path left.":
        "三类螺旋数据，softmax 输出和交叉熵。选中的权重 w₁₁⁽¹⁾ 只连到 I₁⁽²⁾，但 I₁⁽²⁾ 是一个源：softmax 让每个输出都依赖于每个 I⁽²⁾，"
        "所以 I₁⁽²⁾ 到每个输出都有一个分支，链路在那里把它们求和——即文中的注意事项①。把损失函数设为 mse"
        "（输出层随之变为线性）：同一个权重只剩一条路径。",
})

TRANSLATIONS.update({  # the loss landscape: along one weight, across two (issue 15)
    "{name} was not moved there: JVal or its gradient would not be a finite number.":
        "{name} 没有移到那里：那里的 JVal 或其梯度不是有限数。",
    "Landscape": "损失地形",
    "Along one weight": "沿一个权重",
    "Across two": "跨两个权重",
    "PNG image (*.png)": "PNG 图像 (*.png)",
    "SVG drawing (*.svg)": "SVG 矢量图 (*.svg)",
    "CSV table (*.csv)": "CSV 表格 (*.csv)",
    "Export the landscape": "导出损失地形",
    "JVal across two random filter-normalised directions": "JVal：跨两个随机的按滤波器归一化的方向",
    "JVal across {first} and {second}": "JVal：跨 {first} 与 {second}",
    "JVal along {name}:  ∂J/∂w = {gradient},  ∂²J/∂w² = {curvature}":
        "JVal 沿 {name}：∂J/∂w = {gradient}，∂²J/∂w² = {curvature}",
    "gradient step −α·∂J/∂w": "梯度步 −α·∂J/∂w",
    "next step": "下一步",
    "now: JVal = {jval}": "当前：JVal = {jval}",
    "path so far": "至今的路径",
    "tangent, slope ∂J/∂w": "切线，斜率 ∂J/∂w",
    "{optimizer}'s next step": "{optimizer} 的下一步",
    "{path} could not be written: {reason}": "无法写入 {path}：{reason}",
    "−gradient": "−梯度",
    " points": " 个点",
    "Across": "跨",
    "Cancel": "取消",
    "Cancelled: the map was not finished.": "已取消：地图没有算完。",
    "Choose a second weight that differs from the selected one.": "请选择与所选权重不同的第二个权重。",
    "Computing the {n} × {n} map in the background…": "正在后台计算 {n} × {n} 的地图……",
    "Draw map": "绘制地图",
    "Export:": "导出：",
    "JVal = <b>{jval}</b> at the point; from {lo} to {hi} on the map ({colour})":
        "当前点 JVal = <b>{jval}</b>；地图上从 {lo} 到 {hi}（{colour}）",
    "Map at iteration {iteration}.": "第 {iteration} 次迭代时的地图。",
    "Map at iteration {iteration}; the run has moved on — it is drawn again when the run pauses.":
        "第 {iteration} 次迭代时的地图；训练已继续——暂停时重新绘制。",
    "Points along each axis of the map": "地图每个坐标轴上的点数",
    "Save the map as {kind}": "将地图保存为 {kind}",
    "Select a weight in the diagram, or choose random directions.": "请在网络图中选择一个权重，或选择随机方向。",
    "The map could not be computed: {reason}": "无法计算地图：{reason}",
    "The second weight of the map": "地图的第二个权重",
    "a: along random direction d₁": "a：沿随机方向 d₁",
    "b: along random direction d₂": "b：沿随机方向 d₂",
    "colour: JVal": "颜色：JVal",
    "colour: log₁₀ JVal": "颜色：log₁₀ JVal",
    "gradient: ∂J/∂{first} = {g1}, ∂J/∂{second} = {g2}": "梯度：∂J/∂{first} = {g1}，∂J/∂{second} = {g2}",
    "grid": "网格",
    "JVal (log colour scale)": "JVal（对数色标）",
    "now": "当前",
    "slopes along the directions: ∂J/∂a = {g1}, ∂J/∂b = {g2}": "沿两个方向的斜率：∂J/∂a = {g1}，∂J/∂b = {g2}",
    "the red arrow points down the slope": "红色箭头指向下坡方向",
    "the selected weight and": "所选权重与",
    "two random filter-normalised directions": "两个随机的按滤波器归一化的方向",
    "weight {name}": "权重 {name}",
    "−gradient (steepest descent)": "−梯度（最速下降）",
    "<b>Along one weight</b>: select a weight in the diagram.": "<b>沿一个权重</b>：请在网络图中选择一个权重。",
    "<b>JVal along {name}</b>, every other weight held": "<b>JVal 沿 {name}</b>，其余权重保持不变",
    "Drag the green ring along the curve to set the weight.": "沿曲线拖动绿色圆环即可设定该权重。",
    "How far the weight moves each way; auto: from the weight's size, its bend and its recent and next steps":
        "权重向两侧各移动多远；自动：由权重的大小、曲率以及最近和下一步的步长决定",
    "JVal (sum over the samples)": "JVal（对样本求和）",
    "JVal, the other weights held": "JVal，其余权重不变",
    "Pause the run to drag the weight along the curve.": "暂停训练后可沿曲线拖动该权重。",
    "Pause, then drag this ring along the curve to set the weight": "暂停后沿曲线拖动这个圆环即可设定该权重",
    "Save the slice as {kind}": "将切片保存为 {kind}",
    "The weight was set: Δw = {dw}; predicted ΔJ (tangent) = <b>{predicted}</b>, actual ΔJ = <b>{actual}</b>":
        "权重已设定：Δw = {dw}；切线预测的 ΔJ = <b>{predicted}</b>，实际 ΔJ = <b>{actual}</b>",
    "Window ±": "窗口 ±",
    "auto": "自动",
    "curvature ∂²J/∂w² = <b>{c}</b>: JVal bends downwards here, the curve lies below its tangent — a step changes JVal by g·Δw + ½·J″·Δw²":
        "曲率 ∂²J/∂w² = <b>{c}</b>：JVal 在此处向下弯，曲线位于切线下方——一步使 JVal 改变 g·Δw + ½·J″·Δw²",
    "curvature ∂²J/∂w² = <b>{c}</b>: JVal bends upwards here, the curve lies above its tangent — a step changes JVal by g·Δw + ½·J″·Δw²":
        "曲率 ∂²J/∂w² = <b>{c}</b>：JVal 在此处向上弯，曲线位于切线上方——一步使 JVal 改变 g·Δw + ½·J″·Δw²",
    "curvature ∂²J/∂w² = {c}: the curve is straight here": "曲率 ∂²J/∂w² = {c}：曲线在此处是直的",
    "tangent: slope ∂J/∂w": "切线：斜率 ∂J/∂w",
    "{name} = {weight}, JVal = {jval}; the tangent's slope is the gradient ∂J/∂w = <b>{gradient}</b>":
        "{name} = {weight}，JVal = {jval}；切线的斜率就是梯度 ∂J/∂w = <b>{gradient}</b>",
    "{optimizer}'s next step: Δw = {step} → JVal {after}; a plain gradient step −α·∂J/∂w: Δw = {gstep} → JVal {gafter}":
        "{optimizer} 的下一步：Δw = {step} → JVal {after}；普通梯度步 −α·∂J/∂w：Δw = {gstep} → JVal {gafter}",
    "Δw = {dw}: the tangent predicts ΔJ = g·Δw = <b>{predicted}</b>; the curve says ΔJ = <b>{curve}</b>":
        "Δw = {dw}：切线预测 ΔJ = g·Δw = <b>{predicted}</b>；曲线给出 ΔJ = <b>{curve}</b>",
})

TRANSLATIONS.update({  # the decision map, what each unit sees, gradient health (issue 14, part b)
    "Decision map": "决策图",
    "Gradient health": "梯度健康",
    "saturated": "饱和",
    "dead": "死亡",
    "Saturated unit: its output O sits at the flat end of tanh (|O| > 0.99) or sigmoid on every training sample, "
    "so the basic link dO/dI is almost 0 and the gradient reaching its incoming weights nearly vanishes: they "
    "hardly change. Smaller start weights, a smaller α or standardised inputs prevent it.":
        "饱和单元：在每个训练样本上，它的输出 O 都落在 tanh（|O| > 0.99）或 sigmoid 的平坦端，所以基础影响链路 dO/dI "
        "几乎为 0，传到它输入权重的梯度几乎消失：这些权重几乎不再变化。较小的初始权重、较小的 α 或标准化的输入可以避免。",
    "Dead unit: this ReLU outputs 0 on every training sample, so dO/dI = 0 for all of them and no gradient ever "
    "reaches its incoming weights: it cannot come back to life by training. A smaller α or a different start "
    "avoids it.":
        "死亡单元：这个 ReLU 在每个训练样本上都输出 0，所以 dO/dI 处处为 0，再也没有梯度传到它的输入权重："
        "训练无法让它复活。较小的 α 或不同的起点可以避免。",
    "Classes (the network's answer)": "类别（网络的回答）",
    "Probability of class {label}": "类别 {label} 的概率",
    "Output {name}": "输出 {name}",
    "Unit {name}": "单元 {name}",
    "Each point takes the colour of the class the network chooses there, stronger where it is surer; pale along "
    "the border between classes.":
        "每个点取网络在该处选择的类别的颜色，网络越有把握颜色越深；类别之间的边界处颜色较浅。",
    "The network's probability of this class: from 0 (background) to 1 (full colour).":
        "网络给出的该类别的概率：从 0（背景色）到 1（全色）。",
    "{name}: from {low} (orange) through 0 (background) to {high} (blue), the range of the data's targets.":
        "{name}：从 {low}（橙色）经 0（背景色）到 {high}（蓝色），即数据目标值的范围。",
    "What this unit sees: its output O over the input plane, from {low} (orange) to {high} (blue). The diagram "
    "shows the same picture in its node.":
        "这个单元看到的：它的输出 O 在输入平面上的分布，从 {low}（橙色）到 {high}（蓝色）。网络图在它的节点里显示同样的图。",
    "A slice of the input space at {held}: only the samples near it are drawn.":
        "输入空间在 {held} 处的一个切片：只画出靠近它的样本。",
    "Show:": "显示：",
    "Across:": "横轴：",
    "Up:": "纵轴：",
    "The decision map needs data with at least two inputs.": "决策图需要至少有两个输入的数据。",
    "Dots: training samples; ringed dots: test samples.": "圆点：训练样本；带圈的圆点：测试样本。",
    "none": "无",
    "Saturated units: {saturated}. Dead units: {dead}.": "饱和单元：{saturated}。死亡单元：{dead}。",
    "How large each layer's gradient ‖∂L/∂W̃⁽ˡ⁾‖ is, at the iterations the studio received (log scale). A layer "
    "whose curve lies far below the others learns slowly: its gradient vanishes on the way back. Saturated: tanh "
    "or sigmoid at the flat end on every sample; dead: ReLU at 0 on every sample.":
        "每一层梯度 ‖∂L/∂W̃⁽ˡ⁾‖ 的大小，取自工作室收到的迭代（对数坐标）。曲线远低于其他层的那一层学得慢："
        "它的梯度在反向传播途中消失了。饱和：tanh 或 sigmoid 在每个样本上都处于平坦端；死亡：ReLU 在每个样本上都为 0。",
    "iteration": "迭代",
})

TRANSLATIONS.update({  # the running product under the formula (issue 18, session 3)
    "Step by step: {steps}": "逐步相乘：{steps}",
})

TRANSLATIONS.update({  # the trainer's process ended unasked (session 4)
    "training stopped": "训练已停止",
    "the training process ended before the file was loaded": "训练进程在文件载入之前就结束了",
})

TRANSLATIONS.update({  # the trainer's process ended unasked, said in the user's language (session 4 review)
    "The training process ended unexpectedly ({how}). The run stays as shown: save it, then restart BP Studio.":
        "训练进程意外结束（{how}）。训练停在当前显示的状态：请先保存，然后重新启动 BP Studio。",
})

TRANSLATIONS.update({  # the CSV dialog reads on a background thread and says so (session 5)
    "Reading {file}…": "正在读取 {file}…",
    "Checking every row of {file}…": "正在检查 {file} 的每一行…",
})

TRANSLATIONS.update({  # the plot's hover readout, said in the user's language (session 5)
    "epoch {epoch}: JVal {jval}": "迭代次数 {epoch}：JVal {jval}",
})

TRANSLATIONS.update({  # the inspector says its numbers follow a running net once a second (session 5)
    "live, once a second": "训练中，每秒更新一次",
})

TRANSLATIONS.update({  # the probe's header, a column each (session 5)
    "output": "输出",
    "network": "网络",
    "true": "真实值",
})

TRANSLATIONS.update({  # F11 (session 5)
    "&Full screen": "全屏(&F)",
})

TRANSLATIONS.update({  # --- lead: the projector (issue 24) ---
    "&Board view: the chain alone": "板书视图：只看链式法则(&B)",
    "The chosen weight's chain rule alone, as large as the window allows (F6 again goes back)":
        "只显示所选权重的链式法则，在窗口里尽量放大（再按 F6 返回）",
    "Show or hide the lesson's text": "显示或隐藏课程说明",
    "Presentation &size": "演示字号(&S)",
    "&Automatic (for this screen)": "自动（按此屏幕）(&A)",
    "&Small — digits 12 px": "小——数字高 12 像素(&S)",
    "&Medium — digits 14 px (1366×768)": "中——数字高 14 像素（1366×768）(&M)",
    "&Large — digits 18 px (1920×1080)": "大——数字高 18 像素（1920×1080）(&L)",
    "&Extra large — digits 22 px": "特大——数字高 22 像素(&E)",
    "Digits 14 px tall on a screen under 900 lines, 18 px up to 1300, 22 px above":
        "屏幕低于 900 行时数字高 14 像素，1300 行以内 18 像素，更高时 22 像素",
})

# --- hostile ---
TRANSLATIONS.update({  # an exception in a view is said to the user and logged (issue #25)
    "Something went wrong": "出错了",
    "A part of BP Studio failed: {error}\n\nThe studio keeps running; the view may be incomplete. The details are written to {log}.":
        "BP Studio 的一部分出错了：{error}\n\n工作室仍在运行，但这个视图可能不完整。详细信息已写入 {log}。",
    "(the same failure happened {n} times)": "（同样的错误已发生 {n} 次）",
    "the terminal (the log folder cannot be written)": "终端（无法写入日志文件夹）",
})

# --- budgets ---
TRANSLATIONS.update({
    "{n} classes are more than BP Studio trains (at most {cap}: the paths of the last layer grow as the square of the classes)":
        "{n} 个类别超出了 BP Studio 可训练的范围（最多 {cap} 个：最后一层的路径数随类别数的平方增长）",
    "the chain of this weight has {links} links and would need about {need} GB for {rows} samples "
    "(the budget is {cap} GB): reduce the hidden sizes, the classes or the samples":
        "该权重的影响链路有 {links} 条连接，{rows} 个样本约需 {need} GB 内存（上限为 {cap} GB）：请减小隐藏层大小、类别数或样本数",
    "Replace the file?": "替换该文件？",
    "{name} already exists in {folder}.\nDo you want to replace it?": "{folder} 中已存在 {name}。\n要替换它吗？",
})

# --- plots ---
TRANSLATIONS.update({  # issue 24: short legend labels, "iteration" on the studio's own plots
    "iteration {n}: JVal {jval}": "第 {n} 次迭代：JVal {jval}",
    "test ×{scale}": "测试 ×{scale}",
    "GD": "梯度下降",
})

# --- fixes ---
TRANSLATIONS.update({  # the lecture on a 1366×768 projector: what the same trial found (#24)
    "Adam's first step is about −α·sign(g), whatever the size of g: with no history yet, the bias-corrected "
    "moments are the gradient itself and its square (m and v in the table are (1 − β₁)·g and (1 − β₂)·g²):":
        "Adam 的第一步约为 −α·sign(g)，与 g 的大小无关：此时还没有历史，偏差修正后的两个矩就是梯度本身和它的平方"
        "（表中的 m 和 v 分别是 (1 − β₁)·g 和 (1 − β₂)·g²）：",
    "Nudged at iteration {then}; the run is at iteration {now} now: nudge again for its weights.":
        "这是第 {then} 次迭代时的微调；训练现在已到第 {now} 次迭代：请再微调一次，看当前权重的结果。",
    # the softmax lesson says why two branches read 0, and its mse companion
    "The branches through the other classes' outputs\n"
    "are 0: cross-entropy takes only the true class's\n"
    "output, L = −log ŷ of that class, so ∂L/∂ŷ = −y/ŷ\n"
    "= 0 where y = 0. With mse every branch counts.":
        "经过其他类别输出的分支都是 0：\n"
        "交叉熵只取真实类别的输出，L = −log（该类的 ŷ），\n"
        "所以在 y = 0 处 ∂L/∂ŷ = −y/ŷ = 0。\n"
        "换成 mse，每个分支都有贡献。",
    "Three spiral classes, softmax outputs and cross-entropy. The chosen weight w₁₁⁽¹⁾ feeds only I₁⁽²⁾, "
    "yet I₁⁽²⁾ is a source: softmax makes every output depend on every I⁽²⁾, so I₁⁽²⁾ has a branch to "
    "each output, and the chain sums them there — the article's note ①. At every sample two of the three "
    "branches read 0: cross-entropy takes only the true class's output, so ∂L/∂ŷ = −y/ŷ is 0 for the "
    "others. The next lesson keeps softmax with mse, where every branch counts.":
        "三类螺旋数据，softmax 输出和交叉熵。选中的权重 w₁₁⁽¹⁾ 只连到 I₁⁽²⁾，但 I₁⁽²⁾ 是一个源：softmax 让每个输出都依赖于每个 I⁽²⁾，"
        "所以 I₁⁽²⁾ 到每个输出都有一个分支，链路在那里把它们求和——即文中的注意事项①。在每个样本上，三个分支中有两个为 0："
        "交叉熵只取真实类别的输出，所以其他类别的 ∂L/∂ŷ = −y/ŷ 为 0。下一课保留 softmax、改用 mse，那里每个分支都有贡献。",
    "Softmax with mse: every branch counts": "softmax 配 mse：每个分支都有贡献",
    "The same spiral, network and weight w₁₁⁽¹⁾, softmax outputs again, but the loss is mse: "
    "L = ½ Σ (ŷ − y)² takes every output, so ∂L/∂ŷ = ŷ − y is non-zero for each class and all three "
    "branches summed at the source I₁⁽²⁾ are non-zero — note ①, a branch to every output, in full. "
    "Compare the source's block with the previous lesson's.":
        "同样的螺旋数据、网络和权重 w₁₁⁽¹⁾，输出仍是 softmax，但损失函数是 mse：L = ½ Σ (ŷ − y)² 取每一个输出，"
        "所以每个类别的 ∂L/∂ŷ = ŷ − y 都不为 0，在源 I₁⁽²⁾ 处求和的三个分支也都不为 0——注意事项①"
        "（到每个输出都有一个分支）的完整样子。请把这个源的那一块与上一课的对照。",
    # pyqtgraph's right-click menu and the file dialog's labels that Qt's catalogue lacks
    "View All": "显示全部",
    "{axis} axis": "{axis} 轴",
    "Mouse Mode": "鼠标模式",
    "3 button": "三键",
    "1 button": "单键",
    "Plot Options": "绘图选项",
    "Export...": "导出…",
    "Transforms": "变换",
    "Downsample": "降采样",
    "Average": "平均",
    "Alpha": "透明度",
    "Grid": "网格",
    "Points": "数据点",
    "Link Axis:": "关联坐标轴：",
    "Auto": "自动",
    "Manual": "手动",
    "Invert Axis": "反转坐标轴",
    "Mouse Enabled": "允许鼠标操作",
    "Visible Data Only": "仅可见数据",
    "Auto Pan Only": "仅自动平移",
    "Clip to View": "裁剪到视图",
    "Max Traces:": "最多曲线数：",
    "Peak": "峰值",
    "Forget hidden traces": "丢弃隐藏的曲线",
    "Mean": "均值",
    "Subsample": "抽样",
    "Log X": "X 对数",
    "Power Spectrum (FFT)": "功率谱（FFT）",
    "Log Y": "Y 对数",
    "Subtract Mean": "减去均值",
    "Show X Grid": "显示 X 网格",
    "Show Y Grid": "显示 Y 网格",
    "Opacity": "不透明度",
    "&Look in:": "查找范围(&L)：",
    "Files of &type:": "文件类型(&T)：",
    "Folder": "文件夹",
    "File": "文件",
    # File ▸ Export for slides
    "Typeset chain, for slides…": "排版的链式法则（用于幻灯片）…",
    "Decision map…": "决策图…",
    "Replace the file?": "替换文件？",
    "{name} already exists. Replace it?": "{name} 已经存在。要替换它吗？",
    "show the Decision map tab first": "请先打开“决策图”标签页",
})

# --- pace ---
TRANSLATIONS.update({  # the pace on the training toolbar (issue 24)
    "full speed": "全速",
    " it/s": " 次/秒",
    "run until paused": "一直运行到暂停",
    "run ": "运行 ",
    " then pause": " 次后暂停",
    "Iterations a second while running: slow enough to narrate, or full speed (0). Slower {slower}, faster {faster}.":
        "运行时每秒的迭代次数：慢到可以边讲边看，或全速（0）。更慢 {slower}，更快 {faster}。",
    "Run (Space) trains this many iterations, then pauses by itself; 0 runs until you pause. Step (→) is still one.":
        "运行（空格）训练这么多次迭代后自动暂停；0 表示一直运行到你暂停。单步（→）仍是一次。",
    "Slower": "更慢",
    "Fewer iterations a second": "每秒迭代更少",
    "Faster": "更快",
    "More iterations a second, up to full speed": "每秒迭代更多，直到全速",
    "Train at the pace set on the toolbar (full speed unless slowed)": "按工具栏上设定的速度训练（未调慢时为全速）",
})

# --- pointer ---
TRANSLATIONS.update({  # the teacher's pointer and the cursor halo (issue #24)
    "Cursor &halo": "光标光环(&H)",
    "A large ring follows the mouse, so the back row can follow it (Ctrl+H)": "一个大圆环跟随鼠标，后排也能看清鼠标在哪里（Ctrl+H）",
    "Clear the pointer": "清除指示",
})

# --- plots2 ---
TRANSLATIONS.update({  # issue 24: the landscape's short legend labels
    "tangent": "切线",
})

TRANSLATIONS.update({  # --- lead: a trainer that does not answer is not said to have ended (issue 25) ---
    "The training process has not answered for {seconds} s: it may be stopped or busy with a long step. "
    "The run goes on when it answers; if it never does, save the session and restart BP Studio.":
        "训练进程已有 {seconds} 秒没有回应：它可能被暂停了，或正忙于一个很长的步骤。"
        "它一回应训练就会继续；如果一直没有回应，请保存会话并重新启动 BP Studio。",
    "signal {name}": "信号 {name}",
    "exit code {code}": "退出码 {code}",
})

TRANSLATIONS.update({  # --- lead: reading a TensorFlow Playground link (issue 29) ---
    "Playground link: {key} must be a number, not '{value}'": "Playground 链接：{key} 必须是数字，而不是“{value}”",
    "Playground link: {key} cannot be '{value}' (Playground has {allowed})":
        "Playground 链接：{key} 不能是“{value}”（Playground 只有 {allowed}）",
    "Playground link: {key} must be from {low} to {high} in steps of {step}, not {value}":
        "Playground 链接：{key} 必须在 {low} 到 {high} 之间、步长为 {step}，而不是 {value}",
    "Playground link: {key} must be one of Playground's {options}, not {value}":
        "Playground 链接：{key} 必须是 Playground 的 {options} 之一，而不是 {value}",
    "Playground link: there is no '#key=value&…' part to read": "Playground 链接：没有可读取的“#键=值&…”部分",
    "{key}=true is accepted and ignored, as Playground ignores it": "已接受 {key}=true 但不使用它，Playground 也忽略它",
    "keys Playground does not know are ignored: {keys}": "已忽略 Playground 不认识的键：{keys}",
    "Playground link: it has no seed, so its run cannot be repeated": "Playground 链接：没有种子（seed），无法重现它的训练",
    "Playground link: networkShape must be at most {layers} layers of 1 to {neurons} neurons, not '{value}'":
        "Playground 链接：networkShape 最多 {layers} 层、每层 1 到 {neurons} 个神经元，而不是“{value}”",
    "Playground link: no input feature is on (x, y, xSquared, …)": "Playground 链接：没有打开任何输入特征（x、y、xSquared…）",
})

# --- acts ---
TRANSLATIONS.update({  # issue 26: one record per activation and loss; softplus and leaky ReLU
    "The hidden units' non-linear link: tanh as in the article; each choice says what it does.":
        "隐藏单元的非线性链路：文中用 tanh；每个选项都说明它做什么。",
    "L = −Σ y log ŷ: the cross-entropy of one sample; JVal is the sum of L over all samples":
        "L = −Σ y log ŷ：一个样本的交叉熵；JVal 是所有样本的 L 之和",
    "no non-linearity, O = I: the whole network is linear": "没有非线性，O = I：整个网络是线性的",
    "half the squared error ½‖ŷ − y‖², as in the article": "平方误差的一半 ½‖ŷ − y‖²，与文中相同",
    "cross-entropy −Σ y log ŷ of softmax or sigmoid outputs, for classes": "softmax 或 sigmoid 输出的交叉熵 −Σ y log ŷ，用于分类",
    "tanh": "tanh",
    "sigmoid": "sigmoid",
    "relu": "relu",
    "softmax": "softmax",
    "tanh, as in the article: an S-curve from −1 to 1, slope 1 − O²": "tanh，与文中相同：从 −1 到 1 的 S 形曲线，斜率 1 − O²",
    "the logistic sigmoid: an S-curve from 0 to 1, slope O(1 − O)": "logistic sigmoid：从 0 到 1 的 S 形曲线，斜率 O(1 − O)",
    "the rectifier max(I, 0): slope 1 where I > 0, else 0 (a unit can die)": "整流函数 max(I, 0)：I > 0 处斜率为 1，其余为 0（单元可能“死亡”）",
    "softmax: the outputs become class probabilities that sum to 1": "softmax：输出变成和为 1 的类别概率",
    "softplus (smooth ReLU)": "softplus（平滑 ReLU）",
    "leaky ReLU": "泄漏 ReLU",
    "softplus log(1 + eᴵ): a smooth ReLU whose slope σ(I) never quite reaches 0": "softplus log(1 + eᴵ)：平滑的 ReLU，斜率 σ(I) 永远不会真正到 0",
    "leaky ReLU: slope 1 where I > 0, else 0.01, so a unit never dies": "泄漏 ReLU：I > 0 处斜率为 1，其余为 0.01，所以单元永远不会“死亡”",
    "softplus′(I) = σ(I) = 1 − e^(−O): read from the unit's output": "softplus′(I) = σ(I) = 1 − e^(−O)：由单元的输出读出",
    "leaky ReLU passes I where I > 0 (slope 1) and 0.01 of it elsewhere: it never stops":
        "泄漏 ReLU 在 I > 0 处让 I 通过（斜率 1），其余处只通过它的 0.01：它从不停止",
})

# --- exercises ---
TRANSLATIONS.update({  # Learn ▸ Exercises (issue 28)
    "&Learn": "学习(&L)",
    "&Exercises…": "练习(&E)…",
    "Questions on the network on screen: type the number, see if it is right": "关于屏幕上这个网络的题目：输入数值，看看是否正确",
    "Sheet {sheet} · iteration {k} · sample {s} · {net}": "练习 {sheet} · 第 {k} 次迭代 · 样本 {s} · {net}",
    "Making the sheet…": "正在出题…",
    "Exercises": "练习",
    "New sheet": "换一套题",
    "Another sheet on the run as it is now (network, sample, iteration)": "按当前的运行（网络、样本、迭代）再出一套题",
    "Your answer:": "你的答案：",
    "a number, e.g. -0.0588 or 1.2e-3; Enter checks it": "一个数，例如 -0.0588 或 1.2e-3；按回车检查",
    "Check": "检查",
    "Hint": "提示",
    "Hint {n}:": "提示 {n}：",
    "Which basic links, which numbers: one hint at a time": "用哪些基础影响链路、哪些数：每次一条提示",
    "Solution": "解答",
    "Solution, step by step:": "逐步解答：",
    "The worked solution, step by step (this exercise then no longer scores)": "逐步的解答（看过之后本题不再计分）",
    "◀ Previous": "◀ 上一题",
    "Next ▶": "下一题 ▶",
    "No run yet: start or open one, then choose New sheet.": "还没有运行：先开始或打开一个运行，再选择“换一套题”。",
    "No exercise can be posed on this run: its numbers are not finite. Rewind or Reset, then New sheet.":
        "这次运行无法出题：它的数值不是有限数。请回退或重置，再选择“换一套题”。",
})

# --- optims ---
TRANSLATIONS.update({  # issue 26: each optimizer's record speaks for it (menu tooltip, settings, --help)
    "the article's optimizer: steps of about α, scaled by the size of past gradients":
        "文章所用的优化器：每步约为 α，并按以往梯度的大小缩放",
    "Decay of Adam's first moment m: how much of the previous gradient direction it keeps, 0 to <1.":
        "Adam 一阶矩 m 的衰减率：保留多少先前的梯度方向，取值 0 到 <1。",
    "Added after the square root of the corrected v: keeps Adam from dividing by zero.":
        "加在修正后 v 的平方根之后：防止 Adam 除以零。",
    "the plain rule, a step of −α·g": "最朴素的规则，每步为 −α·g",
    "gradient descent with a velocity u that remembers earlier gradients": "带速度 u 的梯度下降，u 记住先前的梯度",
    "How much of the velocity u each step keeps, 0 to <1.": "每一步保留多少速度 u，取值 0 到 <1。",
    # RMSProp
    "RMSProp": "RMSProp",
    "each weight's step divided by the root of a running mean of its squared gradients":
        "每个权重的步长除以其梯度平方滑动平均的平方根",
    "RMSProp's ρ: how slowly the mean of the squared gradients v forgets, 0 to <1.":
        "RMSProp 的 ρ：梯度平方的平均 v 遗忘得有多慢，取值 0 到 <1。",
    "Added after the square root of v: keeps RMSProp from dividing by zero.": "加在 v 的平方根之后：防止 RMSProp 除以零。",
    # Nesterov momentum
    "Nesterov momentum": "Nesterov 动量",
    "Nesterov": "Nesterov",
    "momentum that steps along g + β₁u, looking one velocity step ahead": "沿 g + β₁u 前进的动量法，提前看一步速度",
})

# --- student ---
TRANSLATIONS.update({  # issue 28: your data, any labels
    "{file}, column {column}: row {number_row} holds the number “{number}” and row {text_row} the text “{text}”;"
    " class labels are either all numbers or all text":
        "{file}，列 {column}：第 {number_row} 行是数字“{number}”，第 {text_row} 行是文本“{text}”；"
        "类别标签要么全是数字，要么全是文本",
    "{file}, column {column}: {n} distinct numbers — this looks like regression; cross-entropy takes at most {cap}"
    " classes: for numbers use the mse loss":
        "{file}，列 {column}：{n} 个不同的数——这看起来是回归；交叉熵最多接受 {cap} 个类别：数值目标请用 mse 损失",
    "{file}, column {column}: {n} distinct numbers, not all whole (row {row}: “{cell}”) — this looks like regression;"
    " cross-entropy needs class labels: for numbers use the mse loss":
        "{file}，列 {column}：{n} 个不同的数，并非都是整数（第 {row} 行：“{cell}”）——这看起来是回归；"
        "交叉熵需要类别标签：数值目标请用 mse 损失",
    "The target is:": "目标是：",
    "classes (cross-entropy)": "类别（交叉熵）",
    "Class labels, whole numbers or text, at most {n} of them; the network learns which class a row is.":
        "类别标签，整数或文本，最多 {n} 个；网络学习每一行属于哪一类。",
    "numbers (mse)": "数值（mse）",
    "Numbers to predict (regression); every target column is one output.": "要预测的数值（回归）；每个目标列是一个输出。",
    "integer classes ({n})": "整数类别（{n}）",
    "text classes ({n})": "文本类别（{n}）",
    "numbers and text": "数字与文本混杂",
    "number": "数值",
    "The first {shown} of {n} rows; each column's kind is read over every row.": "{n} 行中的前 {shown} 行；每列的类型按全部行判断。",
    # Help ▸ Glossary
    "&Glossary": "术语表(&G)",
    "Every term and symbol the window shows; Shift+F1 over a tooltip opens the term it uses":
        "窗口中出现的每个术语和符号；在提示框上按 Shift+F1 可打开其中用到的术语",
    "Glossary": "术语表",
    "Every term and symbol the window shows, in one line each, with its formula.":
        "窗口中出现的每个术语和符号，各用一行说明，并附公式。",
    "Find a term or symbol…": "查找术语或符号…",
    "No term matches “{text}”.": "没有与“{text}”匹配的术语。",
    "Every term and symbol of the window: {link} (Shift+F1)": "窗口中的全部术语和符号：{link}（⇧+F1）",
    "Help ▸ Glossary": "帮助 ▸ 术语表",
})

# --- lecture ---
TRANSLATIONS.update({  # a lecture's scenes as slides (issue 27)
    "Scene {n}": "场景 {n}",
    "iteration {n} · JVal {jval}": "迭代 {n} · JVal {jval}",
    "phase {k}/{total} of iteration {next}": "第 {next} 次迭代的阶段 {k}/{total}",
    "sample {n}": "样本 {n}",
})

# --- pgwindow ---
TRANSLATIONS.update({  # Playground conventions in the window (issue 29)
    "playground must be a link's '#key=value&…' text": "playground 必须是链接中的“#key=value&…”文本",
    "under Playground conventions {key} is set by the link: {value}": "在 Playground 约定下，{key} 由链接决定：{value}",
    "Playground's loss is the mean of ½ (ŷ − y)²: one point's slope in ŷ is (ŷ − y) / n":
        "Playground 的损失是 ½ (ŷ − y)² 的平均值：一个点对 ŷ 的斜率是 (ŷ − y) / n",
    "L = ½ (ŷ − y)² / n: one point's share; JVal, Playground's loss, is their sum, the mean over the n points":
        "L = ½ (ŷ − y)² / n：一个点所占的份额；JVal（Playground 的损失）是它们的和，即 n 个点上的平均值",
    "Playground's mean squared error": "Playground 的均方误差",
    "the mean over the training points of ½ (ŷ − y)², as TensorFlow Playground trains":
        "训练点上 ½ (ŷ − y)² 的平均值，与 TensorFlow Playground 的训练方式相同",
    "Playground conventions": "Playground 约定",
    "epoch {n}": "第 {n} 轮",
    "Playground conventions: the link's data ({dataset}), network, loss (the mean of ½(ŷ − y)²) and epochs. The settings it fixes are read-only; File ▸ Open Playground link… opens another.":
        "Playground 约定：使用链接中的数据（{dataset}）、网络、损失（½(ŷ − y)² 的平均值）和训练轮次。链接决定的设置为只读；可用“文件 ▸ 打开 Playground 链接…”打开另一个链接。",
    "Set by the Playground link (Playground conventions)": "由 Playground 链接决定（Playground 约定）",
    "Open Playground link": "打开 Playground 链接",
    "Paste a TensorFlow Playground link (the whole URL or its '#…' part). Its run opens under Playground conventions: the same data, start weights, updates and losses, epoch by epoch.":
        "粘贴一个 TensorFlow Playground 链接（完整网址或其“#…”部分）。它的训练将按 Playground 约定打开：逐轮相同的数据、初始权重、更新和损失。",
    "Open &Playground link…": "打开 &Playground 链接…",
    "Open a TensorFlow Playground link's own run, number for number": "打开 TensorFlow Playground 链接本身的训练，每个数字都一致",
    "Playground link": "Playground 链接",
    "The TensorFlow Playground URL of this run, copied to the clipboard": "本次训练的 TensorFlow Playground 网址，已复制到剪贴板",
    "Playground link: {note}": "Playground 链接：{note}",
    "Opened a Playground link's run: Playground conventions, epoch 0": "已打开 Playground 链接的训练：Playground 约定，第 0 轮",
    "This run uses the studio's own conventions (a summed loss, its start weights, data and optimizer), which TensorFlow Playground cannot express. Only a run opened from a Playground link has one.":
        "本次训练使用 BP Studio 自己的约定（求和的损失、自己的初始权重、数据和优化器），TensorFlow Playground 无法表达。只有从 Playground 链接打开的训练才有链接。",
    "The run's TensorFlow Playground link, copied to the clipboard:": "本次训练的 TensorFlow Playground 链接，已复制到剪贴板：",
    "Playground link copied": "已复制 Playground 链接",
    "Playground's colours": "Playground 配色",
    "Paint the map in TensorFlow Playground's orange (−1) and blue (+1)": "用 TensorFlow Playground 的橙色（−1）和蓝色（+1）绘制此图",
    "From Playground to the chain rule": "从 Playground 到链式法则",
    "This is TensorFlow Playground's own start page, opened from its link (seed 0.14302): the same 250 training points, the same start weights, and each → is one of Playground's epochs — 25 updates of 10 points — with the training loss Playground shows, digit for digit. Playground draws the weights and the map; here is what it never shows. The weight w₁₁⁽⁰⁾, from x₁ to the first tanh unit, is chosen: its chain runs through O₁⁽¹⁾, a source whose two branches are summed, then through the tanh output, ∂ŷ/∂I = 1 − ŷ², to Playground's loss, the MEAN of ½(ŷ − y)², so its last link carries the 1/250. The inspector checks the chain against backprop and finite differences. File ▸ Open Playground link… opens any other link the same way.":
        "这是 TensorFlow Playground 自己的起始页面，由它的链接打开（种子 0.14302）：同样的 250 个训练点、同样的初始权重，每按一次 → 就是 Playground 的一轮——25 次更新、每次 10 个点——训练损失与 Playground 显示的逐位相同。Playground 画出权重和决策图；这里展示它从不显示的内容。已选中权重 w₁₁⁽⁰⁾（从 x₁ 到第一个 tanh 单元）：它的影响链路经过 O₁⁽¹⁾——一个源，两条分支在此求和——再经过 tanh 输出 ∂ŷ/∂I = 1 − ŷ²，到达 Playground 的损失，即 ½(ŷ − y)² 的平均值，所以最后一个基础影响链路带有 1/250。检查器把链式法则的结果与反向传播和有限差分相互核对。用“文件 ▸ 打开 Playground 链接…”可以同样打开任何其他链接。",
    "epoch": "轮次",
    "(epoch {n})": "（第 {n} 轮）",
    "Max epochs": "最大轮次",
})

# --- scenes ---
TRANSLATIONS.update({  # a lecture in the window: the Scenes panel, paging, blanking, the presenter view (issue 27)
    "&Blank the screen": "黑屏(&B)",
    "A black screen for the class (B or period); any key or click brings the studio back":
        "给全班一块黑屏（B 或句点键）；按任意键或点击即可回到工作室",
    "Scene {n}: {title}": "场景 {n}：{title}",
    "(no note)": "（无备注）",
    "Next: the end of the lecture": "下一个：讲课结束",
    "Next: {title}": "下一个：{title}",
    "Next:": "下一个：",
    "Presenter view — BP Studio": "演讲者视图 — BP Studio",
    "BP Studio lectures (*.bplecture)": "BP Studio 讲课文件 (*.bplecture)",
    "&Add scene (capture now)": "添加场景（记下当前画面）(&A)",
    "&Update scene": "更新场景(&U)",
    "&Next scene": "下一个场景(&N)",
    "&Previous scene": "上一个场景(&P)",
    "&Rename scene": "重命名场景(&R)",
    "D&uplicate scene": "复制场景(&U)",
    "&Delete scene": "删除场景(&D)",
    "Open &Lecture…": "打开讲课(&L)…",
    "Save Lec&ture": "保存讲课(&T)",
    "Save Lecture As…": "讲课另存为…",
    "Keep what the studio shows now as a new scene after the current one":
        "把工作室当前显示的内容记为一个新场景，放在当前场景之后",
    "Replace the current scene by what the studio shows now (its title and note stay)":
        "用工作室当前显示的内容替换当前场景（标题和备注保留）",
    "Go to the next scene (Page Down, as a presenter's remote sends)": "转到下一个场景（PgDn，演示遥控器发送的键）",
    "Go to the previous scene (Page Up)": "转到上一个场景（PgUp）",
    "Edit note": "编辑备注",
    "Undo": "撤销",
    "Redo": "重做",
    "Lect&ure": "讲课(&U)",
    "Scenes": "场景",
    "Scenes panel": "场景面板",
    "Rename scene": "重命名场景",
    "Move scene": "移动场景",
    "Add scene": "添加场景",
    "Scene {n} added": "已添加场景 {n}",
    "Update scene": "更新场景",
    "Scene {n} updated": "已更新场景 {n}",
    "Duplicate scene": "复制场景",
    "Delete scene": "删除场景",
    "Scene {n} deleted (Lecture ▸ Undo brings it back)": "已删除场景 {n}（讲课 ▸ 撤销可恢复）",
    "Scene {n} cannot be shown: {reason}": "场景 {n} 无法显示：{reason}",
    "This is the last scene.": "这是最后一个场景。",
    "This is the first scene.": "这是第一个场景。",
    "Open lecture": "打开讲课",
    "Cannot open the lecture": "无法打开讲课",
    "{name} cannot be opened:\n{reason}\n\nNothing was opened.": "无法打开 {name}：\n{reason}\n\n未打开任何内容。",
    "None of this lecture's scenes can be shown.": "这份讲课的场景都无法显示。",
    "Save lecture": "保存讲课",
    "Cannot save the lecture": "无法保存讲课",
    "Unsaved lecture": "讲课未保存",
    "The lecture's scenes have changed since it was last saved. Save the lecture first?":
        "讲课的场景自上次保存后已更改。要先保存讲课吗？",
    "untitled lecture": "未命名讲课",
    "{path} could not be used:\n{reason}": "无法使用 {path}：\n{reason}",
    "This scene cannot be shown: {reason}": "此场景无法显示：{reason}",
    "Note for the teacher (not shown to the class):": "教师备注（不向全班显示）：",
    "What to say or ask at this scene": "在这个场景要讲或要问什么",
    "Click a scene to go to it; F2 or a double-click renames it; drag to reorder":
        "单击场景即转到该场景；F2 或双击可重命名；拖动可调整顺序",
    "BP Studio sessions and lectures (*.bpstudio *.bplecture)": "BP Studio 会话和讲课 (*.bpstudio *.bplecture)",
})

# --- handouts ---
TRANSLATIONS.update({  # the lecture's exports: animations, the worksheet and its key (issue 27)
    # "iteration" is translated above (迭代); the animation's JVal plot uses it as its axis
    "decision map": "决策图",
    "the run stopped ({reason})": "运行已停止（{reason}）",
    "worksheet: fill in each blank (4 significant digits)": "练习：填写每个空白（4 位有效数字）",
    "Answers": "答案",
    "(no parameter chosen: nothing to fill in)": "（未选择参数：无需填写）",
})

# --- digits ---
TRANSLATIONS.update({  # View ▸ Digits, honest rows, every sample's term (issue 28)
    "&Digits": "位数(&D)",
    "&4 significant digits": "&4 位有效数字",
    "&6 significant digits": "&6 位有效数字",
    "&All digits (up to 17: the exact double)": "全部位数(&A)（最多 17 位：精确的双精度数）",
    "Digits of the formula, the inspector, the optimizer step, the nudge and the LaTeX/Markdown exports; "
    "a row says ≈ where its shown numbers, redone by hand, miss the shown result in the last digit":
        "公式、检查器、优化器步骤、微调和 LaTeX/Markdown 导出的位数；若一行中显示的数字手算后与显示的结果在最后一位不符，该行写 ≈",
    "≈: the numbers shown in this row, worked out by hand, give the result shown only nearly — they are rounded. "
    "The result is the exact one, rounded; View ▸ Digits ▸ All shows every digit.":
        "≈：按本行显示的数字手算，只能近似得到显示的结果——这些数字是舍入过的。结果是精确值舍入而得；视图 ▸ 位数 ▸ 全部位数 显示每一位。",
    "tangent g·Δw = {g} · {dw} {r1} <b>{predicted}</b><br>actual ΔJ = <b>{actual}</b><br>"
    "curvature ½·J″·Δw² = ½ · {second} · ({dw})² {r2} {curvature}<br>"
    "tangent + curvature = {predicted} + {curvature} {r3} {both} — what is left is of higher order.<br>"
    "The parameter was put back.":
        "切线 g·Δw = {g} · {dw} {r1} <b>{predicted}</b><br>实际 ΔJ = <b>{actual}</b><br>"
        "曲率项 ½·J″·Δw² = ½ · {second} · ({dw})² {r2} {curvature}<br>"
        "切线 + 曲率项 = {predicted} + {curvature} {r3} {both} —— 剩下的是更高阶的项。<br>"
        "参数已恢复原值。",
    "Every sample's term…": "每个样本的项…",
    "All the terms in a table: sort them by any column, export them to CSV": "所有项列成一张表：可按任一列排序，可导出为 CSV",
    "Every sample's term of ∂JVal/∂{p}": "∂JVal/∂{p} 中每个样本的项",
    "Export CSV…": "导出 CSV…",
    "Close": "关闭",
    "One row per training sample, every number with 17 significant digits, as bpstudio chain --per-sample":
        "每个训练样本一行，每个数字 17 位有效数字，与 bpstudio chain --per-sample 相同",
    "Working out every sample's term…": "正在计算每个样本的项…",
    "{n} training samples at iteration {k}. Each term is the sample's ∂L/∂{p}; together they add up to "
    "∂JVal/∂{p} = {total}. Click a column's header to sort by it; hover a number for all its digits.":
        "迭代 {k} 时的 {n} 个训练样本。每一项是该样本的 ∂L/∂{p}；它们加起来就是 ∂JVal/∂{p} = {total}。"
        "点击列标题可按该列排序；鼠标停在数字上可看到它的全部位数。",
    "Each term includes the penalty's share dR/dw / n = {share}.": "每一项都含有惩罚项的份额 dR/dw / n = {share}。",
    "Export every sample's term": "导出每个样本的项",
})


# --- lead: notices a student needs (issue 28, item 6) ---
TRANSLATIONS.update({
    "Converged on a plateau, not at a minimum: {units} of the {hidden} hidden units are saturated on every sample, so dO/dI ≈ 0 blocks the paths back through them and the gradient vanished (JVal {jval}). A smaller alpha or smaller start weights keep the units off their flat ends; Gradient health names them.":
        "收敛在平台上，而不是在极小值处：{hidden} 个隐藏单元中有 {units} 个在每个样本上都已饱和，dO/dI ≈ 0 挡住了经过它们的反向路径，梯度消失了（JVal {jval}）。更小的 alpha 或更小的初始权重能让单元远离其平坦端；“梯度健康”会列出这些单元。",
    "{name} set by hand from {old} to {new} at iteration {n}: the run goes on from the new value. Rewind to an earlier iteration to return to the trained weights.":
        "{name} 在第 {n} 次迭代被手动从 {old} 设为 {new}：训练从新值继续。回退到更早的迭代即可回到训练得到的权重。",
    "A new run on {n} samples: the data and then the start weights are drawn from seed {seed}, so changing Samples changes the start weights too.":
        "在 {n} 个样本上开始新的训练：数据和随后的初始权重都由种子 {seed} 抽取，因此改变样本数也会改变初始权重。",
})
