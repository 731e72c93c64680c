<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accuracy</name>
    <message>
        <source>accuracy {train}</source>
        <translation>准确率 {train}</translation>
    </message>
    <message>
        <source>accuracy {train} · test {test}</source>
        <translation>准确率 {train} · 测试 {test}</translation>
    </message>
</context>
<context>
    <name>BlankScreen</name>
    <message>
        <source>&amp;Blank the screen</source>
        <translation>黑屏(&amp;B)</translation>
    </message>
    <message>
        <source>A black screen for the class (B or period); any key or click brings the studio back</source>
        <translation>给全班一块黑屏（B 或句点键）；按任意键或点击即可回到工作室</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>&amp;Board view: the chain alone</source>
        <translation>板书视图：只看链式法则(&amp;B)</translation>
    </message>
    <message>
        <source>The chosen weight's chain rule alone, as large as the window allows (F6 again goes back)</source>
        <translation>只显示所选权重的链式法则，在窗口里尽量放大（再按 F6 返回）</translation>
    </message>
</context>
<context>
    <name>CloseProtocol</name>
    <message>
        <source>Finishing the current step… BP Studio closes when it is done.</source>
        <translation>正在完成当前步骤……完成后 BP Studio 将关闭。</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <source>Stop when the largest gradient is below zeta, or a step or JVal change below zeta squared.</source>
        <translation>收敛判据：最大梯度小于 zeta，或一步的变化、JVal 的变化小于 zeta 的平方时停止。</translation>
    </message>
    <message>
        <source>Stop after this many iterations (the article runs 50000).</source>
        <translation>最大迭代次数（文中为 50000）。</translation>
    </message>
    <message>
        <source>Hidden layer sizes: 5 is the article's; 8,6 makes two hidden layers.</source>
        <translation>隐藏层大小：5 为文中设置；8,6 表示两个隐藏层。</translation>
    </message>
    <message>
        <source>The hidden units' non-linear link: tanh as in the article; each choice says what it does.</source>
        <translation>隐藏单元的非线性链路：文中用 tanh；每个选项都说明它做什么。</translation>
    </message>
    <message>
        <source>Start weights: uniform in (-1, 1) as the article, or all zeros (see why that fails).</source>
        <translation>初始权重：如文中在 (-1, 1) 内均匀取值，或全部为 0（看看为什么不行）。</translation>
    </message>
    <message>
        <source>How many samples the data set draws; the loss JVal sums over them. A new run: the start weights are drawn after the data, so they change too.</source>
        <translation>数据集抽取的样本数；损失 JVal 对它们求和。这会开始新的训练：初始权重在数据之后抽取，所以也会改变。</translation>
    </message>
    <message>
        <source>Random seed for the data and the start weights (the article's is 1).</source>
        <translation>数据与初始权重的随机种子（文中为 1）。</translation>
    </message>
    <message>
        <source>Share of the samples held out as a test set (0 to 0.9); its JVal is a second curve.</source>
        <translation>留作测试集的样本比例（0 到 0.9）；其 JVal 画成第二条曲线。</translation>
    </message>
    <message>
        <source>Your own targets from r, g, b, separated by ';' — e.g. x = r*g; y = sin(b). Empty: the article's.</source>
        <translation>用 r, g, b 自定义目标，以“;”分隔，例如 x = r*g; y = sin(b)。留空则用文中的目标。</translation>
    </message>
    <message>
        <source>The article's r, g, b, or TensorFlow Playground's 2-D sets: circle, xor, gauss, spiral, moons (classes); plane, multi-gauss (regression).</source>
        <translation>文中的 r, g, b，或 TensorFlow Playground 的二维数据集：圆环、异或、高斯簇、螺旋、双月（分类）；平面、多高斯（回归）。</translation>
    </message>
    <message>
        <source>How many classes the gauss and spiral sets draw: 2 or 3.</source>
        <translation>高斯簇和螺旋数据集的类别数：2 或 3。</translation>
    </message>
    <message>
        <source>How far the 2-D points are jittered: 0 (clean) to 0.5.</source>
        <translation>二维数据点的抖动幅度：0（无噪声）到 0.5。</translation>
    </message>
    <message>
        <source>What the network is shown of a 2-D point: each ticked feature is one input node.</source>
        <translation>网络看到二维数据点的哪些量：每个勾选的特征是一个输入节点。</translation>
    </message>
    <message>
        <source>mse: half the squared error, summed (the article's JVal); cross-entropy: for classes, with softmax or sigmoid outputs.</source>
        <translation>mse：平方误差的一半求和（即文中的 JVal）；交叉熵：用于分类，配合 softmax 或 sigmoid 输出。</translation>
    </message>
    <message>
        <source>The output layer's link: linear (the article), softmax (class shares that add up to 1) or sigmoid (one output for two classes).</source>
        <translation>输出层的运算：线性（文中的做法）、softmax（各类别概率之和为 1）或 sigmoid（两个类别用一个输出）。</translation>
    </message>
    <message>
        <source>L1 rate: adds l1·Σ|w| over the non-bias weights to JVal; it pushes weights to exactly 0.</source>
        <translation>L1 系数：在 JVal 上加上非偏置权重的 l1·Σ|w|；它把权重推向恰好为 0。</translation>
    </message>
    <message>
        <source>L2 rate: adds l2/2·Σw² over the non-bias weights to JVal; it keeps weights small.</source>
        <translation>L2 系数：在 JVal 上加上非偏置权重的 l2/2·Σw²；它让权重保持较小。</translation>
    </message>
    <message>
        <source>Samples per step, in a seeded shuffled order; 0 is the whole set, as in the article.</source>
        <translation>每一步使用的样本数，按固定种子打乱顺序；0 表示整个数据集，与文中相同。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>alpha (step)</source>
        <translation>alpha（步长）</translation>
    </message>
    <message>
        <source>beta1</source>
        <translation>beta1</translation>
    </message>
    <message>
        <source>beta2</source>
        <translation>beta2</translation>
    </message>
    <message>
        <source>epsilon</source>
        <translation>epsilon</translation>
    </message>
    <message>
        <source>zeta (stop)</source>
        <translation>zeta（收敛判据）</translation>
    </message>
    <message>
        <source>Max iterations</source>
        <translation>最大迭代次数</translation>
    </message>
    <message>
        <source>Hidden sizes</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>L1 rate</source>
        <translation>L1 系数</translation>
    </message>
    <message>
        <source>L2 rate</source>
        <translation>L2 系数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Training (applies at the next iteration)</source>
        <translation>训练（下一次迭代起生效）</translation>
    </message>
    <message>
        <source>Data (starts a new run)</source>
        <translation>数据（开始新的训练）</translation>
    </message>
    <message>
        <source>Model (starts a new run)</source>
        <translation>模型（开始新的训练）</translation>
    </message>
    <message>
        <source>the article's x, y, lv</source>
        <translation>文中的 x, y, lv</translation>
    </message>
    <message>
        <source>none: inputs straight to the outputs</source>
        <translation>无：输入直接连到输出</translation>
    </message>
    <message>
        <source>Use a CSV file…</source>
        <translation>使用 CSV 文件…</translation>
    </message>
    <message>
        <source>Train on your own table: choose its input and target columns.</source>
        <translation>用自己的表格训练：选择输入列与目标列。</translation>
    </message>
    <message>
        <source>Article's data</source>
        <translation>文中的数据</translation>
    </message>
    <message>
        <source>Back to r, g, b -&gt; x, y, lv drawn as the article does.</source>
        <translation>回到文中方式生成的 r, g, b -&gt; x, y, lv。</translation>
    </message>
    <message>
        <source>Restore article defaults</source>
        <translation>恢复文中的默认设置</translation>
    </message>
    <message>
        <source>Set every control back to the article's run: 3-5-3 tanh, Adam alpha=0.001.</source>
        <translation>所有设置回到文中的实验：3-5-3 tanh，Adam alpha=0.001。</translation>
    </message>
    <message>
        <source>tick at least one input feature</source>
        <translation>请至少勾选一个输入特征</translation>
    </message>
    <message>
        <source>Data: {file} — inputs {inputs}; targets {targets}</source>
        <translation>数据：{file} — 输入 {inputs}；目标 {targets}</translation>
    </message>
    <message>
        <source>Data: r, g, b as the article draws them; your targets</source>
        <translation>数据：按文中方式生成 r, g, b；自定义目标</translation>
    </message>
    <message>
        <source>Data: {dataset}, points (x₁, x₂) in the plane</source>
        <translation>数据：{dataset}，平面上的点 (x₁, x₂)</translation>
    </message>
    <message>
        <source>Data: the article's r, g, b -&gt; x, y, lv</source>
        <translation>数据：文中的 r, g, b -&gt; x, y, lv</translation>
    </message>
    <message>
        <source>{optimizer} does not use this setting</source>
        <translation>{optimizer} 不使用这一设置</translation>
    </message>
    <message>
        <source>Max epochs</source>
        <translation>最大轮次</translation>
    </message>
    <message>
        <source>Playground conventions: the link's data ({dataset}), network, loss (the mean of ½(ŷ − y)²) and epochs. The settings it fixes are read-only; File ▸ Open Playground link… opens another.</source>
        <translation>Playground 约定：使用链接中的数据（{dataset}）、网络、损失（½(ŷ − y)² 的平均值）和训练轮次。链接决定的设置为只读；可用“文件 ▸ 打开 Playground 链接…”打开另一个链接。</translation>
    </message>
    <message>
        <source>Set by the Playground link (Playground conventions)</source>
        <translation>由 Playground 链接决定（Playground 约定）</translation>
    </message>
</context>
<context>
    <name>CsvDataDialog</name>
    <message>
        <source>Train on a CSV file</source>
        <translation>用 CSV 文件训练</translation>
    </message>
    <message>
        <source>a .csv file with a header row</source>
        <translation>带表头行的 .csv 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Inputs (fed to the network)</source>
        <translation>输入（送入网络）</translation>
    </message>
    <message>
        <source>Targets (to predict)</source>
        <translation>目标（要预测的）</translation>
    </message>
    <message>
        <source>The target is:</source>
        <translation>目标是：</translation>
    </message>
    <message>
        <source>classes (cross-entropy)</source>
        <translation>类别（交叉熵）</translation>
    </message>
    <message>
        <source>Class labels, whole numbers or text, at most {n} of them; the network learns which class a row is.</source>
        <translation>类别标签，整数或文本，最多 {n} 个；网络学习每一行属于哪一类。</translation>
    </message>
    <message>
        <source>numbers (mse)</source>
        <translation>数值（mse）</translation>
    </message>
    <message>
        <source>Numbers to predict (regression); every target column is one output.</source>
        <translation>要预测的数值（回归）；每个目标列是一个输出。</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>integer classes ({n})</source>
        <translation>整数类别（{n}）</translation>
    </message>
    <message>
        <source>text classes ({n})</source>
        <translation>文本类别（{n}）</translation>
    </message>
    <message>
        <source>numbers and text</source>
        <translation>数字与文本混杂</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>The first {shown} of {n} rows; each column's kind is read over every row.</source>
        <translation>{n} 行中的前 {shown} 行；每列的类型按全部行判断。</translation>
    </message>
    <message>
        <source>Checking every row of {file}…</source>
        <translation>正在检查 {file} 的每一行…</translation>
    </message>
</context>
<context>
    <name>DecisionMapPanel</name>
    <message>
        <source>Classes (the network's answer)</source>
        <translation>类别（网络的回答）</translation>
    </message>
    <message>
        <source>Probability of class {label}</source>
        <translation>类别 {label} 的概率</translation>
    </message>
    <message>
        <source>Output {name}</source>
        <translation>输出 {name}</translation>
    </message>
    <message>
        <source>Unit {name}</source>
        <translation>单元 {name}</translation>
    </message>
    <message>
        <source>Each point takes the colour of the class the network chooses there, stronger where it is surer; pale along the border between classes.</source>
        <translation>每个点取网络在该处选择的类别的颜色，网络越有把握颜色越深；类别之间的边界处颜色较浅。</translation>
    </message>
    <message>
        <source>The network's probability of this class: from 0 (background) to 1 (full colour).</source>
        <translation>网络给出的该类别的概率：从 0（背景色）到 1（全色）。</translation>
    </message>
    <message>
        <source>{name}: from {low} (orange) through 0 (background) to {high} (blue), the range of the data's targets.</source>
        <translation>{name}：从 {low}（橙色）经 0（背景色）到 {high}（蓝色），即数据目标值的范围。</translation>
    </message>
    <message>
        <source>What this unit sees: its output O over the input plane, from {low} (orange) to {high} (blue). The diagram shows the same picture in its node.</source>
        <translation>这个单元看到的：它的输出 O 在输入平面上的分布，从 {low}（橙色）到 {high}（蓝色）。网络图在它的节点里显示同样的图。</translation>
    </message>
    <message>
        <source>A slice of the input space at {held}: only the samples near it are drawn.</source>
        <translation>输入空间在 {held} 处的一个切片：只画出靠近它的样本。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Playground's colours</source>
        <translation>Playground 配色</translation>
    </message>
    <message>
        <source>Paint the map in TensorFlow Playground's orange (−1) and blue (+1)</source>
        <translation>用 TensorFlow Playground 的橙色（−1）和蓝色（+1）绘制此图</translation>
    </message>
    <message>
        <source>Across:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <source>Up:</source>
        <translation>纵轴：</translation>
    </message>
    <message>
        <source>The decision map needs data with at least two inputs.</source>
        <translation>决策图需要至少有两个输入的数据。</translation>
    </message>
    <message>
        <source>Dots: training samples; ringed dots: test samples.</source>
        <translation>圆点：训练样本；带圈的圆点：测试样本。</translation>
    </message>
</context>
<context>
    <name>Diagram</name>
    <message>
        <source>source Σ</source>
        <translation>源 Σ</translation>
    </message>
    <message>
        <source>sink</source>
        <translation>汇</translation>
    </message>
    <message>
        <source>Source (源): a node of this influence chain with several downstream branches. The gradient is summed here: ∂L/∂node is the sum over its branches, each a product of basic links.</source>
        <translation>源（source）：影响链路中有多个下游分支的节点。梯度在这里求和：∂L/∂节点 等于各分支之和，每个分支是基础影响链路的乘积。</translation>
    </message>
    <message>
        <source>Sink (汇): a node of this influence chain where several upstream branches meet, such as L. Nothing is summed for the parameter here; ∂L/∂node is defined once, below it.</source>
        <translation>汇（sink）：影响链路中多个上游分支汇合的节点，例如 L。这里不为参数求和；∂L/∂节点 只在其下方定义一次。</translation>
    </message>
</context>
<context>
    <name>DiagramTips</name>
    <message>
        <source>{name}: input {k} of the data ({symbol} in the article); {augmented} is the inputs with a constant 1 appended</source>
        <translation>{name}：数据的第 {k} 个输入（文中的 {symbol}）；{augmented} 是在输入后面补上常数 1</translation>
    </message>
    <message>
        <source>1: the constant that makes {augmented} = [{outputs}; 1]; its links carry the biases {biases}, the last row of {matrix}</source>
        <translation>1：使 {augmented} = [{outputs}; 1] 的常数；从它出发的链路带着偏置 {biases}，即 {matrix} 的最后一行</translation>
    </message>
    <message>
        <source>{name}: what unit {j} of layer {l} receives, the linear operation {inputs} = {matrix}ᵀ·{augmented}</source>
        <translation>{name}：第 {l} 层第 {j} 个单元接收的值，即线性运算 {inputs} = {matrix}ᵀ·{augmented}</translation>
    </message>
    <message>
        <source>{name} = {f}({pre}): what unit {j} of layer {l} passes on, the non-linear operation</source>
        <translation>{name} = {f}({pre})：第 {l} 层第 {j} 个单元传出的值，即非线性运算</translation>
    </message>
    <message>
        <source>{name}: the network's prediction ŷ of the target {name} (= {rule}); L compares it with the sample's target</source>
        <translation>{name}：网络对目标 {name} 的预测 ŷ（= {rule}）；L 将它与样本的目标值比较</translation>
    </message>
    <message>
        <source>L = ½ Σ (ŷ − y)²: the loss of one sample; JVal is the sum of L over all samples</source>
        <translation>L = ½ Σ (ŷ − y)²：一个样本的损失；JVal 是 L 对全部样本的求和</translation>
    </message>
    <message>
        <source>sample {sample}: value {value}</source>
        <translation>样本 {sample}：值 {value}</translation>
    </message>
    <message>
        <source>sample {sample}: value {value}, ∂L/∂{name} = {gradient}</source>
        <translation>样本 {sample}：值 {value}，∂L/∂{name} = {gradient}</translation>
    </message>
    <message>
        <source>a basic link (基础影响链路): this link's local derivative, for sample {sample}. Backpropagation multiplies them along every path to L.</source>
        <translation>基础影响链路：这条链路的局部导数（样本 {sample}）。反向传播沿着通往 L 的每条路径把它们相乘。</translation>
    </message>
    <message>
        <source>Click to light up the influence chain (影响链路) of {name}.</source>
        <translation>点击可点亮 {name} 的影响链路。</translation>
    </message>
    <message>
        <source>L = −Σ y log ŷ: the cross-entropy of one sample; JVal is the sum of L over all samples</source>
        <translation>L = −Σ y log ŷ：一个样本的交叉熵；JVal 是所有样本的 L 之和</translation>
    </message>
    <message>
        <source>L = ½ (ŷ − y)² / n: one point's share; JVal, Playground's loss, is their sum, the mean over the n points</source>
        <translation>L = ½ (ŷ − y)² / n：一个点所占的份额；JVal（Playground 的损失）是它们的和，即 n 个点上的平均值</translation>
    </message>
</context>
<context>
    <name>DigitsMenu</name>
    <message>
        <source>&amp;Digits</source>
        <translation>位数(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;4 significant digits</source>
        <translation>&amp;4 位有效数字</translation>
    </message>
    <message>
        <source>&amp;6 significant digits</source>
        <translation>&amp;6 位有效数字</translation>
    </message>
    <message>
        <source>&amp;All digits (up to 17: the exact double)</source>
        <translation>全部位数(&amp;A)（最多 17 位：精确的双精度数）</translation>
    </message>
    <message>
        <source>Digits of the formula, the inspector, the optimizer step, the nudge and the LaTeX/Markdown exports; a row says ≈ where its shown numbers, redone by hand, miss the shown result in the last digit</source>
        <translation>公式、检查器、优化器步骤、微调和 LaTeX/Markdown 导出的位数；若一行中显示的数字手算后与显示的结果在最后一位不符，该行写 ≈</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>hidden sizes must be whole numbers from 1 to {n}</source>
        <translation>隐藏层大小必须是 1 到 {n} 的整数</translation>
    </message>
    <message>
        <source>activation must be one of {names}</source>
        <translation>激活函数必须是以下之一：{names}</translation>
    </message>
    <message>
        <source>optimizer must be one of {names}</source>
        <translation>优化器必须是以下之一：{names}</translation>
    </message>
    <message>
        <source>max_iter must be a whole number, 0 or greater</source>
        <translation>最大迭代次数必须是大于或等于 0 的整数</translation>
    </message>
    <message>
        <source>samples must be a whole number from 1 to {n}</source>
        <translation>样本数必须是 1 到 {n} 的整数</translation>
    </message>
    <message>
        <source>seed must be a whole number from 0 to 4294967295</source>
        <translation>随机种子必须是 0 到 4294967295 的整数</translation>
    </message>
    <message>
        <source>init must be one of {names}</source>
        <translation>初始化方式必须是以下之一：{names}</translation>
    </message>
    <message>
        <source>test_fraction must be from 0 to 0.9</source>
        <translation>测试比例必须在 0 到 0.9 之间</translation>
    </message>
    <message>
        <source>use either target formulas or a data file, not both</source>
        <translation>目标公式与数据文件只能二选一</translation>
    </message>
    <message>
        <source>a data file needs its input and target columns named</source>
        <translation>数据文件需要指定输入列与目标列</translation>
    </message>
    <message>
        <source>input and target columns need a data file</source>
        <translation>指定输入列与目标列需要数据文件</translation>
    </message>
    <message>
        <source>dataset must be one of {names}</source>
        <translation>数据集必须是以下之一：{names}</translation>
    </message>
    <message>
        <source>a 2-D data set takes neither target formulas nor a data file</source>
        <translation>二维数据集不能与目标公式或数据文件同时使用</translation>
    </message>
    <message>
        <source>classes must be 2 or 3</source>
        <translation>类别数必须是 2 或 3</translation>
    </message>
    <message>
        <source>3 classes exist for the gauss and spiral data sets only</source>
        <translation>只有 gauss 和 spiral 数据集有 3 个类别</translation>
    </message>
    <message>
        <source>noise must be from 0 to 0.5</source>
        <translation>噪声必须在 0 到 0.5 之间</translation>
    </message>
    <message>
        <source>input features need a 2-D data set (x1, x2)</source>
        <translation>输入特征需要二维数据集（x1、x2）</translation>
    </message>
    <message>
        <source>features must be distinct names from {names}</source>
        <translation>特征必须是以下名称且不重复：{names}</translation>
    </message>
    <message>
        <source>loss must be one of {names}</source>
        <translation>损失函数必须是以下之一：{names}</translation>
    </message>
    <message>
        <source>output must be one of {names}</source>
        <translation>输出层必须是以下之一：{names}</translation>
    </message>
    <message>
        <source>cross-entropy needs softmax or sigmoid outputs</source>
        <translation>交叉熵需要 softmax 或 sigmoid 输出</translation>
    </message>
    <message>
        <source>cross-entropy needs classes: a classification data set or a class column</source>
        <translation>交叉熵需要类别：分类数据集或类别标签列</translation>
    </message>
    <message>
        <source>with cross-entropy the target is one column of class labels</source>
        <translation>使用交叉熵时，目标是一列类别标签</translation>
    </message>
    <message>
        <source>a sigmoid output tells 2 classes apart; use softmax for 3</source>
        <translation>sigmoid 输出只能区分 2 个类别；3 个类别请用 softmax</translation>
    </message>
    <message>
        <source>{key} must be a number, 0 or greater</source>
        <translation>{key} 必须是大于或等于 0 的数</translation>
    </message>
    <message>
        <source>batch_size must be a whole number, 0 (the whole set) or greater</source>
        <translation>批大小必须是大于或等于 0 的整数（0 表示整个数据集）</translation>
    </message>
    <message>
        <source>playground must be a link's '#key=value&amp;…' text</source>
        <translation>playground 必须是链接中的“#key=value&amp;…”文本</translation>
    </message>
    <message>
        <source>under Playground conventions {key} is set by the link: {value}</source>
        <translation>在 Playground 约定下，{key} 由链接决定：{value}</translation>
    </message>
    <message>
        <source>hidden sizes look like 5 or 8,6</source>
        <translation>隐藏层大小的写法如 5 或 8,6</translation>
    </message>
    <message>
        <source>{key} must be a whole number</source>
        <translation>{key} 必须是整数</translation>
    </message>
    <message>
        <source>{key} must be a number</source>
        <translation>{key} 必须是数字</translation>
    </message>
    <message>
        <source>{key} must be greater than 0</source>
        <translation>{key} 必须大于 0</translation>
    </message>
    <message>
        <source>{key} must be in [0, 1)</source>
        <translation>{key} 必须在 [0, 1) 之内</translation>
    </message>
    <message>
        <source>{key} must be 0 or greater</source>
        <translation>{key} 必须大于或等于 0</translation>
    </message>
    <message>
        <source>{key} must be a finite number</source>
        <translation>{key} 必须是有限的数</translation>
    </message>
    <message>
        <source>a script named {name}.py would import itself instead of the {name} module; choose another name</source>
        <translation>名为 {name}.py 的脚本会导入它自己而不是 {name} 模块；请换一个文件名</translation>
    </message>
    <message>
        <source>the data ({n} samples) is too large to write into a script; use fewer samples, or a CSV file of numeric targets</source>
        <translation>数据（{n} 个样本）太大，无法写入脚本；请减少样本数，或使用数值目标的 CSV 文件</translation>
    </message>
    <message>
        <source>there was not enough memory for this run: reduce the samples or the hidden sizes</source>
        <translation>内存不足以进行这次训练：请减少样本数或隐藏层大小</translation>
    </message>
    <message>
        <source>the chain of this weight has {links} links and would need about {need} GB for {rows} samples (the budget is {cap} GB): reduce the hidden sizes, the classes or the samples</source>
        <translation>该权重的影响链路有 {links} 条连接，{rows} 个样本约需 {need} GB 内存（上限为 {cap} GB）：请减小隐藏层大小、类别数或样本数</translation>
    </message>
    <message>
        <source>this network has {n} weights; the studio draws at most {cap}: reduce the hidden sizes</source>
        <translation>该网络有 {n} 个权重；工作室最多绘制 {cap} 个：请减小隐藏层大小</translation>
    </message>
    <message>
        <source>this network has {n} hidden units; the studio draws at most {cap}: reduce the hidden sizes</source>
        <translation>该网络有 {n} 个隐藏单元；工作室最多绘制 {cap} 个：请减小隐藏层大小</translation>
    </message>
    <message>
        <source>this run would need about {need} GB of memory (the budget is {cap} GB): reduce the samples, the hidden sizes or max_iter</source>
        <translation>这次训练约需 {need} GB 内存（上限为 {cap} GB）：请减少样本数、隐藏层大小或最大迭代次数</translation>
    </message>
    <message>
        <source>one iteration would take about {need} s (the budget is {cap} s): reduce the samples or the hidden sizes</source>
        <translation>一次迭代约需 {need} 秒（上限为 {cap} 秒）：请减少样本数或隐藏层大小</translation>
    </message>
    <message>
        <source>checking {n} weights by finite differences would take about {need} s (the budget is {cap} s): reduce the hidden sizes or the samples</source>
        <translation>用有限差分检查 {n} 个权重约需 {need} 秒（上限为 {cap} 秒）：请减小隐藏层大小或样本数</translation>
    </message>
    <message>
        <source>The run diverged at iteration {n}: JVal or a weight stopped being a finite number. Lower alpha, then rewind or reset.</source>
        <translation>训练在第 {n} 次迭代发散：JVal 或某个权重不再是有限数。请减小 alpha，然后回退或重置。</translation>
    </message>
    <message>
        <source>The run has stopped; rewind or reset before stepping through another iteration.</source>
        <translation>训练已停止；要再逐阶段走一次迭代，请先回退或重置。</translation>
    </message>
    <message>
        <source>All start weights of {layers} are equal, so every unit they feed computes the same value and receives the same gradient: the units can never become different (the article's note 3, symmetry). With all zeros the hidden gradients stay 0. Start from uniform weights; the manual's experiment “All-zero start” shows why.</source>
        <translation>{layers} 的初始权重全部相等，因此它们连接的每个单元都算出相同的值、得到相同的梯度：这些单元永远无法变得不同（文中注释③：对称性）。全零初始化时隐藏层的梯度始终为 0。请改用均匀初始化；手册中的实验“全零初始化”说明了原因。</translation>
    </message>
    <message>
        <source>Converged on a plateau, not at a minimum: {units} of the {hidden} hidden units are saturated on every sample, so dO/dI ≈ 0 blocks the paths back through them and the gradient vanished (JVal {jval}). A smaller alpha or smaller start weights keep the units off their flat ends; Gradient health names them.</source>
        <translation>收敛在平台上，而不是在极小值处：{hidden} 个隐藏单元中有 {units} 个在每个样本上都已饱和，dO/dI ≈ 0 挡住了经过它们的反向路径，梯度消失了（JVal {jval}）。更小的 alpha 或更小的初始权重能让单元远离其平坦端；“梯度健康”会列出这些单元。</translation>
    </message>
    <message>
        <source>{name} set by hand from {old} to {new} at iteration {n}: the run goes on from the new value. Rewind to an earlier iteration to return to the trained weights.</source>
        <translation>{name} 在第 {n} 次迭代被手动从 {old} 设为 {new}：训练从新值继续。回退到更早的迭代即可回到训练得到的权重。</translation>
    </message>
    <message>
        <source>A new run on {n} samples: the data and then the start weights are drawn from seed {seed}, so changing Samples changes the start weights too.</source>
        <translation>在 {n} 个样本上开始新的训练：数据和随后的初始权重都由种子 {seed} 抽取，因此改变样本数也会改变初始权重。</translation>
    </message>
    <message>
        <source>{name} was not moved there: JVal or its gradient would not be a finite number.</source>
        <translation>{name} 没有移到那里：那里的 JVal 或其梯度不是有限数。</translation>
    </message>
    <message>
        <source>{file} is not a regular file (a device, FIFO or socket); choose a CSV file</source>
        <translation>{file} 不是普通文件（而是设备、FIFO 或套接字）；请选择一个 CSV 文件</translation>
    </message>
    <message>
        <source>{file} is larger than {mb} MB</source>
        <translation>{file} 大于 {mb} MB</translation>
    </message>
    <message>
        <source>{file} does not exist</source>
        <translation>{file} 不存在</translation>
    </message>
    <message>
        <source>{file} is a folder, not a CSV file</source>
        <translation>{file} 是文件夹，不是 CSV 文件</translation>
    </message>
    <message>
        <source>{file} cannot be read ({reason})</source>
        <translation>无法读取 {file}（{reason}）</translation>
    </message>
    <message>
        <source>{file} is not a CSV file (it holds binary data)</source>
        <translation>{file} 不是 CSV 文件（其中是二进制数据）</translation>
    </message>
    <message>
        <source>{file} is not a CSV text file (it is not UTF-8)</source>
        <translation>{file} 不是 CSV 文本文件（不是 UTF-8 编码）</translation>
    </message>
    <message>
        <source>{file} has more than {rows} data rows</source>
        <translation>{file} 的数据行超过 {rows} 行</translation>
    </message>
    <message>
        <source>{file}, row {row}: {reason}</source>
        <translation>{file}，第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} 是空的</translation>
    </message>
    <message>
        <source>{file} needs a header row naming every column (e.g. r,g,b,x)</source>
        <translation>{file} 需要一行表头为每一列命名（例如 r,g,b,x）</translation>
    </message>
    <message>
        <source>{file} names a column twice in its header</source>
        <translation>{file} 的表头中有重复的列名</translation>
    </message>
    <message>
        <source>{file} has no column “{column}”; its columns are {columns}</source>
        <translation>{file} 没有“{column}”这一列；它的列是 {columns}</translation>
    </message>
    <message>
        <source>choose at least one input column and one target column</source>
        <translation>请至少选择一个输入列和一个目标列</translation>
    </message>
    <message>
        <source>a column cannot be both an input and a target</source>
        <translation>一列不能既是输入又是目标</translation>
    </message>
    <message>
        <source>{file} has {rows} data row(s); at least {least} are needed</source>
        <translation>{file} 有 {rows} 行数据；至少需要 {least} 行</translation>
    </message>
    <message>
        <source>{file}, row {row}, column {column}: the value is missing</source>
        <translation>{file}，第 {row} 行，{column} 列：缺少数值</translation>
    </message>
    <message>
        <source>{file}, row {row}, column {column}: “{cell}” is not a number</source>
        <translation>{file}，第 {row} 行，{column} 列：“{cell}”不是数字</translation>
    </message>
    <message>
        <source>{file}, row {row}, column {column}: “{cell}” is not a finite number</source>
        <translation>{file}，第 {row} 行，{column} 列：“{cell}”不是有限数</translation>
    </message>
    <message>
        <source>{file}, column {column}: row {number_row} holds the number “{number}” and row {text_row} the text “{text}”; class labels are either all numbers or all text</source>
        <translation>{file}，列 {column}：第 {number_row} 行是数字“{number}”，第 {text_row} 行是文本“{text}”；类别标签要么全是数字，要么全是文本</translation>
    </message>
    <message>
        <source>{file}, column {column}: {n} distinct numbers — this looks like regression; cross-entropy takes at most {cap} classes: for numbers use the mse loss</source>
        <translation>{file}，列 {column}：{n} 个不同的数——这看起来是回归；交叉熵最多接受 {cap} 个类别：数值目标请用 mse 损失</translation>
    </message>
    <message>
        <source>{file}, column {column}: {n} distinct numbers, not all whole (row {row}: “{cell}”) — this looks like regression; cross-entropy needs class labels: for numbers use the mse loss</source>
        <translation>{file}，列 {column}：{n} 个不同的数，并非都是整数（第 {row} 行：“{cell}”）——这看起来是回归；交叉熵需要类别标签：数值目标请用 mse 损失</translation>
    </message>
    <message>
        <source>{file}, column {column}: a class column needs at least two different labels</source>
        <translation>{file}，{column} 列：类别列至少需要两个不同的标签</translation>
    </message>
    <message>
        <source>a sigmoid output tells 2 classes apart; {file} has {n}: use softmax</source>
        <translation>sigmoid 输出只能区分 2 个类别；{file} 有 {n} 个：请使用 softmax</translation>
    </message>
    <message>
        <source>{name} is not a finite number for sample {sample} (a division by zero, the square root of a negative number, or too large a power?)</source>
        <translation>{name} 在样本 {sample} 上不是有限数（除以零、负数开平方，还是幂次太大？）</translation>
    </message>
    <message>
        <source>a formula must be text like x = r + 2*g</source>
        <translation>公式必须是形如 x = r + 2*g 的文字</translation>
    </message>
    <message>
        <source>a formula may be at most {n} characters long</source>
        <translation>公式最多 {n} 个字符</translation>
    </message>
    <message>
        <source>write a formula as name = expression, e.g. x = r + 2*g + 3*b</source>
        <translation>请把公式写成 名称 = 表达式，例如 x = r + 2*g + 3*b</translation>
    </message>
    <message>
        <source>“{name}” cannot name a target: use a new name such as x, y or lv</source>
        <translation>“{name}”不能作为目标名：请用新名字，例如 x、y 或 lv</translation>
    </message>
    <message>
        <source>“{expression}” is not a formula BP Studio can read</source>
        <translation>“{expression}”不是 BP Studio 能读懂的公式</translation>
    </message>
    <message>
        <source>the formula is too long (at most {n} parts)</source>
        <translation>公式太长（最多 {n} 个部分）</translation>
    </message>
    <message>
        <source>only + - * / and ** are allowed</source>
        <translation>只允许 + - * / 和 **</translation>
    </message>
    <message>
        <source>only + and - may stand before a value</source>
        <translation>数值前只能有 + 或 -</translation>
    </message>
    <message>
        <source>“{value}” is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>unknown name “{name}”: use the inputs {inputs}</source>
        <translation>未知名称“{name}”：请使用输入 {inputs}</translation>
    </message>
    <message>
        <source>functions allowed: {functions}, each of one value</source>
        <translation>允许的函数：{functions}，每个只接受一个值</translation>
    </message>
    <message>
        <source>unknown function “{name}”: use {functions}</source>
        <translation>未知函数“{name}”：请使用 {functions}</translation>
    </message>
    <message>
        <source>“{name}” takes one value, e.g. {name}(r)</source>
        <translation>“{name}”只接受一个值，例如 {name}(r)</translation>
    </message>
    <message>
        <source>{part} is not allowed in a formula</source>
        <translation>公式中不允许 {part}</translation>
    </message>
    <message>
        <source>“{name}” is a function, not a value</source>
        <translation>“{name}”是函数，不是数值</translation>
    </message>
    <message>
        <source>each target needs its own name</source>
        <translation>每个目标需要自己的名字</translation>
    </message>
    <message>
        <source>give at least one formula</source>
        <translation>请至少给出一个公式</translation>
    </message>
    <message>
        <source>The data come from a CSV file; “Article's data” goes back to the built-in data sets.</source>
        <translation>数据来自 CSV 文件；按“文中的数据”可回到内置数据集。</translation>
    </message>
    <message>
        <source>A CSV class column brings its own classes.</source>
        <translation>CSV 的类别列自带类别。</translation>
    </message>
    <message>
        <source>A CSV file has its own rows.</source>
        <translation>CSV 文件有自己的数据行。</translation>
    </message>
    <message>
        <source>Classes belong to the classification data sets (circle, xor, gauss, spiral, moons).</source>
        <translation>类别数只属于分类数据集（圆环、异或、高斯簇、螺旋、双月）。</translation>
    </message>
    <message>
        <source>{dataset} has 2 classes; gauss and spiral also come with 3.</source>
        <translation>{dataset} 有 2 个类别；高斯簇和螺旋也可以有 3 个。</translation>
    </message>
    <message>
        <source>Noise and input features belong to the 2-D data sets (x₁, x₂).</source>
        <translation>噪声和输入特征只属于二维数据集（x₁, x₂）。</translation>
    </message>
    <message>
        <source>Cross-entropy needs classes: choose a classification data set or a CSV class column.</source>
        <translation>交叉熵需要类别：请选择分类数据集或 CSV 的类别列。</translation>
    </message>
    <message>
        <source>Target formulas are written over the article's r, g, b.</source>
        <translation>目标公式是用文中的 r, g, b 写的。</translation>
    </message>
    <message>
        <source>{n} classes are more than BP Studio trains (at most {cap}: the paths of the last layer grow as the square of the classes)</source>
        <translation>{n} 个类别超出了 BP Studio 可训练的范围（最多 {cap} 个：最后一层的路径数随类别数的平方增长）</translation>
    </message>
    <message>
        <source>Playground link: {key} must be a number, not '{value}'</source>
        <translation>Playground 链接：{key} 必须是数字，而不是“{value}”</translation>
    </message>
    <message>
        <source>Playground link: {key} cannot be '{value}' (Playground has {allowed})</source>
        <translation>Playground 链接：{key} 不能是“{value}”（Playground 只有 {allowed}）</translation>
    </message>
    <message>
        <source>Playground link: {key} must be from {low} to {high} in steps of {step}, not {value}</source>
        <translation>Playground 链接：{key} 必须在 {low} 到 {high} 之间、步长为 {step}，而不是 {value}</translation>
    </message>
    <message>
        <source>Playground link: {key} must be one of Playground's {options}, not {value}</source>
        <translation>Playground 链接：{key} 必须是 Playground 的 {options} 之一，而不是 {value}</translation>
    </message>
    <message>
        <source>Playground link: there is no '#key=value&amp;…' part to read</source>
        <translation>Playground 链接：没有可读取的“#键=值&amp;…”部分</translation>
    </message>
    <message>
        <source>{key}=true is accepted and ignored, as Playground ignores it</source>
        <translation>已接受 {key}=true 但不使用它，Playground 也忽略它</translation>
    </message>
    <message>
        <source>keys Playground does not know are ignored: {keys}</source>
        <translation>已忽略 Playground 不认识的键：{keys}</translation>
    </message>
    <message>
        <source>Playground link: it has no seed, so its run cannot be repeated</source>
        <translation>Playground 链接：没有种子（seed），无法重现它的训练</translation>
    </message>
    <message>
        <source>Playground link: networkShape must be at most {layers} layers of 1 to {neurons} neurons, not '{value}'</source>
        <translation>Playground 链接：networkShape 最多 {layers} 层、每层 1 到 {neurons} 个神经元，而不是“{value}”</translation>
    </message>
    <message>
        <source>Playground link: no input feature is on (x, y, xSquared, …)</source>
        <translation>Playground 链接：没有打开任何输入特征（x、y、xSquared…）</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>A part of BP Studio failed: {error}

The studio keeps running; the view may be incomplete. The details are written to {log}.</source>
        <translation>BP Studio 的一部分出错了：{error}

工作室仍在运行，但这个视图可能不完整。详细信息已写入 {log}。</translation>
    </message>
    <message>
        <source>(the same failure happened {n} times)</source>
        <translation>（同样的错误已发生 {n} 次）</translation>
    </message>
    <message>
        <source>the terminal (the log folder cannot be written)</source>
        <translation>终端（无法写入日志文件夹）</translation>
    </message>
</context>
<context>
    <name>ExercisesPanel</name>
    <message>
        <source>&amp;Exercises…</source>
        <translation>练习(&amp;E)…</translation>
    </message>
    <message>
        <source>Questions on the network on screen: type the number, see if it is right</source>
        <translation>关于屏幕上这个网络的题目：输入数值，看看是否正确</translation>
    </message>
    <message>
        <source>Sheet {sheet} · iteration {k} · sample {s} · {net}</source>
        <translation>练习 {sheet} · 第 {k} 次迭代 · 样本 {s} · {net}</translation>
    </message>
    <message>
        <source>Making the sheet…</source>
        <translation>正在出题…</translation>
    </message>
    <message>
        <source>Hint {n}:</source>
        <translation>提示 {n}：</translation>
    </message>
    <message>
        <source>Solution, step by step:</source>
        <translation>逐步解答：</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>New sheet</source>
        <translation>换一套题</translation>
    </message>
    <message>
        <source>Another sheet on the run as it is now (network, sample, iteration)</source>
        <translation>按当前的运行（网络、样本、迭代）再出一套题</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>你的答案：</translation>
    </message>
    <message>
        <source>a number, e.g. -0.0588 or 1.2e-3; Enter checks it</source>
        <translation>一个数，例如 -0.0588 或 1.2e-3；按回车检查</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Which basic links, which numbers: one hint at a time</source>
        <translation>用哪些基础影响链路、哪些数：每次一条提示</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解答</translation>
    </message>
    <message>
        <source>The worked solution, step by step (this exercise then no longer scores)</source>
        <translation>逐步的解答（看过之后本题不再计分）</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一题</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一题 ▶</translation>
    </message>
    <message>
        <source>No exercise can be posed on this run: its numbers are not finite. Rewind or Reset, then New sheet.</source>
        <translation>这次运行无法出题：它的数值不是有限数。请回退或重置，再选择“换一套题”。</translation>
    </message>
    <message>
        <source>No run yet: start or open one, then choose New sheet.</source>
        <translation>还没有运行：先开始或打开一个运行，再选择“换一套题”。</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>JVal plot (the article's figure)…</source>
        <translation>JVal 曲线（文中的图）…</translation>
    </message>
    <message>
        <source>JVal history…</source>
        <translation>JVal 历史…</translation>
    </message>
    <message>
        <source>Weights…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <source>Chain of the selected weight…</source>
        <translation>所选权重的影响链路…</translation>
    </message>
    <message>
        <source>Network diagram…</source>
        <translation>网络图…</translation>
    </message>
    <message>
        <source>Typeset chain, for slides…</source>
        <translation>排版的链式法则（用于幻灯片）…</translation>
    </message>
    <message>
        <source>Decision map…</source>
        <translation>决策图…</translation>
    </message>
    <message>
        <source>PyTorch script…</source>
        <translation>PyTorch 脚本…</translation>
    </message>
    <message>
        <source>NumPy script…</source>
        <translation>NumPy 脚本…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} 已经存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>{path} could not be written:
{reason}</source>
        <translation>无法写入 {path}：
{reason}</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>select a weight in the diagram first</source>
        <translation>请先在网络图中选择一个权重</translation>
    </message>
    <message>
        <source>show the Decision map tab first</source>
        <translation>请先打开“决策图”标签页</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Every term and symbol the window shows, in one line each, with its formula.</source>
        <translation>窗口中出现的每个术语和符号，各用一行说明，并附公式。</translation>
    </message>
    <message>
        <source>Find a term or symbol…</source>
        <translation>查找术语或符号…</translation>
    </message>
</context>
<context>
    <name>GradientHealthPanel</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Saturated units: {saturated}. Dead units: {dead}.</source>
        <translation>饱和单元：{saturated}。死亡单元：{dead}。</translation>
    </message>
    <message>
        <source>How large each layer's gradient ‖∂L/∂W̃⁽ˡ⁾‖ is, at the iterations the studio received (log scale). A layer whose curve lies far below the others learns slowly: its gradient vanishes on the way back. Saturated: tanh or sigmoid at the flat end on every sample; dead: ReLU at 0 on every sample.</source>
        <translation>每一层梯度 ‖∂L/∂W̃⁽ˡ⁾‖ 的大小，取自工作室收到的迭代（对数坐标）。曲线远低于其他层的那一层学得慢：它的梯度在反向传播途中消失了。饱和：tanh 或 sigmoid 在每个样本上都处于平坦端；死亡：ReLU 在每个样本上都为 0。</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
</context>
<context>
    <name>GuidedTour</name>
    <message>
        <source>1 · Choose a weight</source>
        <translation>1 · 选择一个权重</translation>
    </message>
    <message>
        <source>2 · Its loss-influence chain</source>
        <translation>2 · 它的 loss 影响链路</translation>
    </message>
    <message>
        <source>The article's network: inputs {inputs}, {hidden} tanh units (each drawn as I and O), outputs {outputs} and the loss L. Click the link r → I₁⁽¹⁾: the weight w₁₁⁽⁰⁾.</source>
        <translation>这是文中的网络：输入 {inputs}，{hidden} 个 tanh 单元（各画成 I 与 O 两个节点），输出 {outputs} 与损失 L。点击连线 r → I₁⁽¹⁾，即权重 w₁₁⁽⁰⁾。</translation>
    </message>
    <message>
        <source>Every path from w₁₁⁽⁰⁾ to L is lit: the chosen link widest, the rest of the chain in green. O₁⁽¹⁾ is a source — its {branches} branches are summed there; L is a sink. The inspector writes the chain rule factored at the source, with one sample's numbers.</source>
        <translation>从 w₁₁⁽⁰⁾ 到 L 的每条路径都被点亮：所选连线最粗，链路其余部分为绿色。O₁⁽¹⁾ 是源——它的 {branches} 个分支在此求和；L 是汇。检查器写出在源处求和的链式法则，并代入一个样本的数值。</translation>
    </message>
    <message>
        <source>3 · One iteration, phase by phase</source>
        <translation>3 · 逐阶段走完一次迭代</translation>
    </message>
    <message>
        <source>Press Shift+→ (Step phase) six times: forward through each layer, the loss, backward through each layer, then Adam's update.</source>
        <translation>按六次 Shift+→（单步阶段）：逐层正向计算、计算损失、逐层反向传播，最后是 Adam 的更新。</translation>
    </message>
    <message>
        <source>4 · Train to the end</source>
        <translation>4 · 训练到底</translation>
    </message>
    <message>
        <source>Press Space (Run). Adam trains the article's 50 000 iterations in about ten seconds; Space pauses, → steps, ← rewinds.</source>
        <translation>按空格（运行）。Adam 约十秒完成文中的 50 000 次迭代；空格暂停，→ 单步，← 回退。</translation>
    </message>
    <message>
        <source>5 · solution-JVal</source>
        <translation>5 · solution-JVal</translation>
    </message>
    <message>
        <source>The plot is the article's figure: JVal per iteration from the green seed to the red solution star, and its title reads solution-JVal. That is the whole experiment.</source>
        <translation>曲线即文中的图：每次迭代的 JVal，从绿色的 seed 到红色的 solution 星形，标题写着 solution-JVal。实验到此完成。</translation>
    </message>
    <message>
        <source>Guided tour — {step}</source>
        <translation>导览 — {step}</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Skip tour</source>
        <translation>跳过导览</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>value of {p}</source>
        <translation>{p} 的值</translation>
    </message>
    <message>
        <source>∂L/∂{p} (all samples)</source>
        <translation>∂L/∂{p}（全部样本）</translation>
    </message>
    <message>
        <source>plain gradient step  −α·g</source>
        <translation>普通梯度步长  −α·g</translation>
    </message>
    <message>
        <source>sum along the chain</source>
        <translation>沿影响链路求和</translation>
    </message>
    <message>
        <source>backprop</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>finite difference</source>
        <translation>有限差分</translation>
    </message>
    <message>
        <source>source Σ: branches summed</source>
        <translation>源 Σ：各分支在此求和</translation>
    </message>
    <message>
        <source>below a sink: defined once</source>
        <translation>汇之后：只定义一次</translation>
    </message>
    <message>
        <source>≈: the numbers shown in this row, worked out by hand, give the result shown only nearly — they are rounded. The result is the exact one, rounded; View ▸ Digits ▸ All shows every digit.</source>
        <translation>≈：按本行显示的数字手算，只能近似得到显示的结果——这些数字是舍入过的。结果是精确值舍入而得；视图 ▸ 位数 ▸ 全部位数 显示每一位。</translation>
    </message>
    <message>
        <source>Chain rule — one sample's numbers</source>
        <translation>链式法则——单个样本的数值</translation>
    </message>
    <message>
        <source>Basic links (基础影响链路)</source>
        <translation>基础影响链路</translation>
    </message>
    <message>
        <source>Each link's local derivative, before they are multiplied: the forward pass computes these; the backward pass multiplies them along each path and sums at the sources.</source>
        <translation>相乘之前，每条链路的局部导数：前向计算求出它们；反向传播沿每条路径相乘，并在源处求和。</translation>
    </message>
    <message>
        <source>One gradient, three ways (all samples)</source>
        <translation>同一梯度的三种求法（全部样本）</translation>
    </message>
    <message>
        <source>Paths from the parameter to L</source>
        <translation>从参数到 L 的路径</translation>
    </message>
    <message>
        <source>Nudge the parameter</source>
        <translation>微调参数</translation>
    </message>
    <message>
        <source>by Δw =</source>
        <translation>改变 Δw =</translation>
    </message>
    <message>
        <source>Move the selected parameter by this much, compare, and put it back. The default is small enough for the tangent to predict the change well.</source>
        <translation>把所选参数移动这么多，比较后再放回。默认值足够小，切线能很好地预测变化。</translation>
    </message>
    <message>
        <source>Summed over all {n} samples: ∂L/∂{p} = {value}</source>
        <translation>对全部 {n} 个样本求和：∂L/∂{p} = {value}</translation>
    </message>
    <message>
        <source>Step by step: {steps}</source>
        <translation>逐步相乘：{steps}</translation>
    </message>
    <message>
        <source>(the step's numbers are shown when paused or stepping)</source>
        <translation>（这一步的数值在暂停或单步时显示）</translation>
    </message>
    <message>
        <source>Adam's first step is about −α·sign(g), whatever the size of g: with no history yet, the bias-corrected moments are the gradient itself and its square (m and v in the table are (1 − β₁)·g and (1 − β₂)·g²):</source>
        <translation>Adam 的第一步约为 −α·sign(g)，与 g 的大小无关：此时还没有历史，偏差修正后的两个矩就是梯度本身和它的平方（表中的 m 和 v 分别是 (1 − β₁)·g 和 (1 − β₂)·g²）：</translation>
    </message>
    <message>
        <source>Nudged at iteration {then}; the run is at iteration {now} now: nudge again for its weights.</source>
        <translation>这是第 {then} 次迭代时的微调；训练现在已到第 {now} 次迭代：请再微调一次，看当前权重的结果。</translation>
    </message>
    <message>
        <source>epoch {n}</source>
        <translation>第 {n} 轮</translation>
    </message>
    <message>
        <source>live, once a second</source>
        <translation>训练中，每秒更新一次</translation>
    </message>
    <message>
        <source>inputs: {inputs}</source>
        <translation>输入：{inputs}</translation>
    </message>
    <message>
        <source>prediction ŷ</source>
        <translation>预测 ŷ</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>The branches through the other classes' outputs
are 0: cross-entropy takes only the true class's
output, L = −log ŷ of that class, so ∂L/∂ŷ = −y/ŷ
= 0 where y = 0. With mse every branch counts.</source>
        <translation>经过其他类别输出的分支都是 0：
交叉熵只取真实类别的输出，L = −log（该类的 ŷ），
所以在 y = 0 处 ∂L/∂ŷ = −y/ŷ = 0。
换成 mse，每个分支都有贡献。</translation>
    </message>
    <message>
        <source>Value and gradient now</source>
        <translation>当前的值与梯度</translation>
    </message>
    <message>
        <source>The optimizer step that made these weights</source>
        <translation>得到当前权重的那一步优化</translation>
    </message>
    <message>
        <source>Which training sample's numbers the formula shows.</source>
        <translation>公式中代入哪一个训练样本的数值。</translation>
    </message>
    <message>
        <source>Copy as LaTeX</source>
        <translation>复制为 LaTeX</translation>
    </message>
    <message>
        <source>Copy the chain and its formula in the article's notation, for slides.</source>
        <translation>按文中记号复制影响链路与公式，用于幻灯片。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>&lt;b&gt;Click a weight in the diagram&lt;/b&gt; to see its loss-influence chain.</source>
        <translation>&lt;b&gt;点击网络图中的权重&lt;/b&gt;，查看它的 loss 影响链路。</translation>
    </message>
    <message>
        <source>Node {node}: value {value}{grad} (sample {sample})</source>
        <translation>节点 {node}：数值 {value}{grad}（样本 {sample}）</translation>
    </message>
    <message>
        <source>No step has been taken yet: these are the start weights.</source>
        <translation>还没有迭代：这是初始权重。</translation>
    </message>
    <message>
        <source>g is the gradient the step used (of iteration t − 1); the gradient shown above is the one the next step will use.</source>
        <translation>g 是这一步所用的梯度（第 t − 1 次迭代的）；上面显示的梯度是下一步要用的。</translation>
    </message>
    <message>
        <source>tangent g·Δw = {g} · {dw} {r1} &lt;b&gt;{predicted}&lt;/b&gt;&lt;br&gt;actual ΔJ = &lt;b&gt;{actual}&lt;/b&gt;&lt;br&gt;curvature ½·J″·Δw² = ½ · {second} · ({dw})² {r2} {curvature}&lt;br&gt;tangent + curvature = {predicted} + {curvature} {r3} {both} — what is left is of higher order.&lt;br&gt;The parameter was put back.</source>
        <translation>切线 g·Δw = {g} · {dw} {r1} &lt;b&gt;{predicted}&lt;/b&gt;&lt;br&gt;实际 ΔJ = &lt;b&gt;{actual}&lt;/b&gt;&lt;br&gt;曲率项 ½·J″·Δw² = ½ · {second} · ({dw})² {r2} {curvature}&lt;br&gt;切线 + 曲率项 = {predicted} + {curvature} {r3} {both} —— 剩下的是更高阶的项。&lt;br&gt;参数已恢复原值。</translation>
    </message>
    <message>
        <source>iteration {n}</source>
        <translation>第 {n} 次迭代</translation>
    </message>
    <message>
        <source>rel. diff</source>
        <translation>相对差</translation>
    </message>
    <message>
        <source>(computed when paused)</source>
        <translation>（暂停时计算）</translation>
    </message>
    <message>
        <source>{n} path(s)</source>
        <translation>{n} 条路径</translation>
    </message>
    <message>
        <source>; the first {listed} are listed</source>
        <translation>；列出前 {listed} 条</translation>
    </message>
    <message>
        <source>No shares: the paths nearly cancel (their total is under a tenth of their sizes), so a share of that total would say nothing — compare the signed values instead.</source>
        <translation>不显示占比：各路径几乎相互抵消（总和不到其大小的十分之一），占比没有意义——请比较带符号的数值。</translation>
    </message>
    <message>
        <source>Per output: {parts}</source>
        <translation>各输出的贡献：{parts}</translation>
    </message>
</context>
<context>
    <name>JvalPlot</name>
    <message>
        <source>seed</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>solution</source>
        <translation>解</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>test ×{scale}</source>
        <translation>测试 ×{scale}</translation>
    </message>
    <message>
        <source>(epoch {n})</source>
        <translation>（第 {n} 轮）</translation>
    </message>
    <message>
        <source>iteration {n}: JVal {jval}</source>
        <translation>第 {n} 次迭代：JVal {jval}</translation>
    </message>
    <message>
        <source>test (×{scale}: scaled to the training size)</source>
        <translation>测试（×{scale}：换算到训练集大小）</translation>
    </message>
    <message>
        <source>(iteration {n})</source>
        <translation>（第 {n} 次迭代）</translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <source>JVal along {name}:  ∂J/∂w = {gradient},  ∂²J/∂w² = {curvature}</source>
        <translation>JVal 沿 {name}：∂J/∂w = {gradient}，∂²J/∂w² = {curvature}</translation>
    </message>
    <message>
        <source>now: JVal = {jval}</source>
        <translation>当前：JVal = {jval}</translation>
    </message>
    <message>
        <source>tangent, slope ∂J/∂w</source>
        <translation>切线，斜率 ∂J/∂w</translation>
    </message>
    <message>
        <source>{optimizer}'s next step</source>
        <translation>{optimizer} 的下一步</translation>
    </message>
    <message>
        <source>gradient step −α·∂J/∂w</source>
        <translation>梯度步 −α·∂J/∂w</translation>
    </message>
    <message>
        <source>JVal across {first} and {second}</source>
        <translation>JVal：跨 {first} 与 {second}</translation>
    </message>
    <message>
        <source>JVal across two random filter-normalised directions</source>
        <translation>JVal：跨两个随机的按滤波器归一化的方向</translation>
    </message>
    <message>
        <source>path so far</source>
        <translation>至今的路径</translation>
    </message>
    <message>
        <source>next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>−gradient</source>
        <translation>−梯度</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export the landscape</source>
        <translation>导出损失地形</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Along one weight</source>
        <translation>沿一个权重</translation>
    </message>
    <message>
        <source>Across two</source>
        <translation>跨两个权重</translation>
    </message>
</context>
<context>
    <name>LessonBox</name>
    <message>
        <source>Put the lesson's text away</source>
        <translation>收起本课的说明</translation>
    </message>
    <message>
        <source>Show or hide the lesson's text</source>
        <translation>显示或隐藏课程说明</translation>
    </message>
    <message>
        <source>Lesson: {title}</source>
        <translation>课程：{title}</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>The article's experiment</source>
        <translation>文中的实验</translation>
    </message>
    <message>
        <source>Inputs r, g, b, five tanh units, outputs x, y, lv; Adam with α = 0.001 from uniform start weights. The weight w₁₁⁽⁰⁾ is chosen: its loss-influence chain is lit, and O₁⁽¹⁾ is the source where its three branches are summed. Press Space to train the 50 000 iterations: the plot becomes the article's figure, from the green seed to the red solution star.</source>
        <translation>输入 r, g, b，五个 tanh 单元，输出 x, y, lv；Adam，α = 0.001，初始权重均匀分布。已选中权重 w₁₁⁽⁰⁾：它的 loss影响链路被点亮，O₁⁽¹⁾ 是源，它的三个分支在那里求和。按空格键训练 50 000 次迭代：曲线图就成了文中的那张图，从绿色的起点到红色的解。</translation>
    </message>
    <message>
        <source>α too large</source>
        <translation>α 过大</translation>
    </message>
    <message>
        <source>Plain gradient descent with α = 0.002 on the article's network. JVal is a sum over 1000 samples, so its gradient is large and each step jumps across the valley. Press → a few times: JVal falls, then swings up. Press Space: it grows by orders of magnitude and the run stops as diverged (Ctrl+L shows it on a log scale). Reset, set α to 0.0005 and run again: JVal falls.</source>
        <translation>在文中的网络上用普通梯度下降，α = 0.002。JVal 是 1000 个样本的和，所以梯度很大，每一步都跳过了谷底。按几次 →：JVal 先下降，然后来回摆动着上升。按空格键：它增长几个数量级，训练以发散停止（Ctrl+L 用对数坐标显示）。重置，把 α 设为 0.0005 再运行：JVal 下降。</translation>
    </message>
    <message>
        <source>All-zero start</source>
        <translation>全零初始化</translation>
    </message>
    <message>
        <source>Every start weight is 0 (Init: zeros). Each hidden unit computes the same value and receives the same gradient, so the units can never become different — the article's note ③. With zero output weights no gradient even reaches the hidden layer: the chosen w₁₁⁽⁰⁾ shows ∂L/∂w = 0. Run it: JVal falls only as far as the output biases take it. Set Init to uniform to break the symmetry.</source>
        <translation>所有初始权重都是 0（初始化：全零）。每个隐藏单元算出相同的值、得到相同的梯度，所以这些单元永远不会变得不同——即文中的注意事项③。输出权重为零时，梯度甚至传不到隐藏层：选中的 w₁₁⁽⁰⁾ 显示 ∂L/∂w = 0。运行：JVal 只能降到输出偏置所能达到的程度。把初始化设为均匀即可打破对称。</translation>
    </message>
    <message>
        <source>Dead ReLU</source>
        <translation>死亡的 ReLU</translation>
    </message>
    <message>
        <source>ReLU hidden units with plain gradient descent, α = 0.0005. The first steps are large and push the input I of a hidden unit below 0 for every sample; there ReLU's slope is 0, so no gradient reaches that unit's weights again: it is dead. Press Space: within a few dozen iterations every unit is dead and JVal stops near 11 400 (the diagram marks dead units). With α = 0.0001 most units live.</source>
        <translation>ReLU 隐藏单元，普通梯度下降，α = 0.0005。最初几步很大，把隐藏单元的输入 I 对每个样本都推到 0 以下；那里 ReLU 的斜率为 0，梯度再也到不了这个单元的权重：它死了。按空格键：几十次迭代内所有单元都死亡，JVal 停在 11 400 附近（图中会标出死亡的单元）。α = 0.0001 时大多数单元都活着。</translation>
    </message>
    <message>
        <source>Vanishing gradients</source>
        <translation>梯度消失</translation>
    </message>
    <message>
        <source>Six hidden layers of six sigmoid units on the spiral. The sigmoid's slope is at most ¼, and the chain from a weight to L takes one such factor per layer, so the first layer's gradient is about a thousand times smaller than the last one's: the gradient-health plot shows each layer's ‖∂L/∂W⁽ˡ⁾‖. The chosen w₁₁⁽⁰⁾ sits in the first layer; read the factors of its chain in the inspector, then try tanh or relu.</source>
        <translation>螺旋数据上六个隐藏层，每层六个 sigmoid 单元。sigmoid 的斜率最多为 ¼，从权重到 L 的影响链路每经过一层就乘上一个这样的因子，所以第一层的梯度比最后一层小约一千倍：梯度健康图显示每层的 ‖∂L/∂W⁽ˡ⁾‖。选中的 w₁₁⁽⁰⁾ 位于第一层；在检查器里读它的链路上的各个因子，然后试试 tanh 或 relu。</translation>
    </message>
    <message>
        <source>XOR needs a hidden layer</source>
        <translation>异或需要隐藏层</translation>
    </message>
    <message>
        <source>The xor data: the class is the sign of x₁·x₂. This network has no hidden layer, so its softmax draws one straight border and accuracy stays near 50 %. Press Space, then type 4 in Hidden sizes (a new run) and press Space again: the 2-4-2 network reaches 100 %. Or keep no hidden layer and tick the feature x₁x₂.</source>
        <translation>异或数据：类别由 x₁·x₂ 的符号决定。这个网络没有隐藏层，它的 softmax 只能画出一条直的分界线，准确率停在 50 % 左右。按空格键，然后在“隐藏层大小”中输入 4（开始新的训练），再按空格键：2-4-2 网络达到 100 %。或者不加隐藏层，勾选特征 x₁x₂。</translation>
    </message>
    <message>
        <source>Overfitting, cured by L2</source>
        <translation>过拟合，用 L2 治好</translation>
    </message>
    <message>
        <source>40 noisy moons, half of them held out as a test set (the orange curve), and a 2-16-16-2 network: far more weights than samples. Press Space: the train accuracy reaches 100 % while the test JVal, after its minimum, climbs again — the network learns the noise. Set L2 rate to 0.03 (a new run) and press Space again: the test JVal stays near its minimum.</source>
        <translation>40 个带噪声的双月样本，一半留作测试集（橙色曲线），网络为 2-16-16-2：权重远多于样本。按空格键：训练准确率达到 100 %，而测试 JVal 在最低点之后又上升——网络学到了噪声。把 L2 系数设为 0.03（开始新的训练），再按空格键：测试 JVal 停在最低点附近。</translation>
    </message>
    <message>
        <source>Softmax makes sources</source>
        <translation>softmax 产生源</translation>
    </message>
    <message>
        <source>Three spiral classes, softmax outputs and cross-entropy. The chosen weight w₁₁⁽¹⁾ feeds only I₁⁽²⁾, yet I₁⁽²⁾ is a source: softmax makes every output depend on every I⁽²⁾, so I₁⁽²⁾ has a branch to each output, and the chain sums them there — the article's note ①. At every sample two of the three branches read 0: cross-entropy takes only the true class's output, so ∂L/∂ŷ = −y/ŷ is 0 for the others. The next lesson keeps softmax with mse, where every branch counts.</source>
        <translation>三类螺旋数据，softmax 输出和交叉熵。选中的权重 w₁₁⁽¹⁾ 只连到 I₁⁽²⁾，但 I₁⁽²⁾ 是一个源：softmax 让每个输出都依赖于每个 I⁽²⁾，所以 I₁⁽²⁾ 到每个输出都有一个分支，链路在那里把它们求和——即文中的注意事项①。在每个样本上，三个分支中有两个为 0：交叉熵只取真实类别的输出，所以其他类别的 ∂L/∂ŷ = −y/ŷ 为 0。下一课保留 softmax、改用 mse，那里每个分支都有贡献。</translation>
    </message>
    <message>
        <source>Softmax with mse: every branch counts</source>
        <translation>softmax 配 mse：每个分支都有贡献</translation>
    </message>
    <message>
        <source>The same spiral, network and weight w₁₁⁽¹⁾, softmax outputs again, but the loss is mse: L = ½ Σ (ŷ − y)² takes every output, so ∂L/∂ŷ = ŷ − y is non-zero for each class and all three branches summed at the source I₁⁽²⁾ are non-zero — note ①, a branch to every output, in full. Compare the source's block with the previous lesson's.</source>
        <translation>同样的螺旋数据、网络和权重 w₁₁⁽¹⁾，输出仍是 softmax，但损失函数是 mse：L = ½ Σ (ŷ − y)² 取每一个输出，所以每个类别的 ∂L/∂ŷ = ŷ − y 都不为 0，在源 I₁⁽²⁾ 处求和的三个分支也都不为 0——注意事项①（到每个输出都有一个分支）的完整样子。请把这个源的那一块与上一课的对照。</translation>
    </message>
    <message>
        <source>From Playground to the chain rule</source>
        <translation>从 Playground 到链式法则</translation>
    </message>
    <message>
        <source>This is TensorFlow Playground's own start page, opened from its link (seed 0.14302): the same 250 training points, the same start weights, and each → is one of Playground's epochs — 25 updates of 10 points — with the training loss Playground shows, digit for digit. Playground draws the weights and the map; here is what it never shows. The weight w₁₁⁽⁰⁾, from x₁ to the first tanh unit, is chosen: its chain runs through O₁⁽¹⁾, a source whose two branches are summed, then through the tanh output, ∂ŷ/∂I = 1 − ŷ², to Playground's loss, the MEAN of ½(ŷ − y)², so its last link carries the 1/250. The inspector checks the chain against backprop and finite differences. File ▸ Open Playground link… opens any other link the same way.</source>
        <translation>这是 TensorFlow Playground 自己的起始页面，由它的链接打开（种子 0.14302）：同样的 250 个训练点、同样的初始权重，每按一次 → 就是 Playground 的一轮——25 次更新、每次 10 个点——训练损失与 Playground 显示的逐位相同。Playground 画出权重和决策图；这里展示它从不显示的内容。已选中权重 w₁₁⁽⁰⁾（从 x₁ 到第一个 tanh 单元）：它的影响链路经过 O₁⁽¹⁾——一个源，两条分支在此求和——再经过 tanh 输出 ∂ŷ/∂I = 1 − ŷ²，到达 Playground 的损失，即 ½(ŷ − y)² 的平均值，所以最后一个基础影响链路带有 1/250。检查器把链式法则的结果与反向传播和有限差分相互核对。用“文件 ▸ 打开 Playground 链接…”可以同样打开任何其他链接。</translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation>课程(&amp;E)</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Open Playground link</source>
        <translation>打开 Playground 链接</translation>
    </message>
    <message>
        <source>Paste a TensorFlow Playground link (the whole URL or its '#…' part). Its run opens under Playground conventions: the same data, start weights, updates and losses, epoch by epoch.</source>
        <translation>粘贴一个 TensorFlow Playground 链接（完整网址或其“#…”部分）。它的训练将按 Playground 约定打开：逐轮相同的数据、初始权重、更新和损失。</translation>
    </message>
</context>
<context>
    <name>LinkReasons</name>
    <message>
        <source>I = Σ Õ·w is linear in w: the slope is the input the weight multiplies</source>
        <translation>I = Σ Õ·w 对 w 是线性的：斜率就是这个权重所乘的输入</translation>
    </message>
    <message>
        <source>a bias multiplies the constant 1 of Õ, so the slope is 1</source>
        <translation>偏置乘的是 Õ 中的常数 1，所以斜率为 1</translation>
    </message>
    <message>
        <source>I = Σ Õ·w is linear in O: the slope is the weight on this link</source>
        <translation>I = Σ Õ·w 对 O 是线性的：斜率就是这条连线上的权重</translation>
    </message>
    <message>
        <source>this layer is linear (O = I), so the factor is 1</source>
        <translation>这一层是线性的（O = I），所以该因子为 1</translation>
    </message>
    <message>
        <source>tanh′(I) = 1 − tanh²(I) = 1 − O²: read from the unit's output</source>
        <translation>tanh′(I) = 1 − tanh²(I) = 1 − O²：由该单元的输出算出</translation>
    </message>
    <message>
        <source>σ′(I) = σ(I)(1 − σ(I)) = O(1 − O): read from the unit's output</source>
        <translation>σ′(I) = σ(I)(1 − σ(I)) = O(1 − O)：由该单元的输出算出</translation>
    </message>
    <message>
        <source>ReLU passes I where I &gt; 0 (slope 1) and stops it elsewhere (slope 0)</source>
        <translation>ReLU 在 I &gt; 0 处让 I 通过（斜率 1），其他地方截断（斜率 0）</translation>
    </message>
    <message>
        <source>softmax couples the outputs: each ŷ depends on every I</source>
        <translation>softmax 把各输出耦合在一起：每个 ŷ 都依赖所有 I</translation>
    </message>
    <message>
        <source>L = ½ (ŷ − y)²: its slope in ŷ is the error ŷ − y</source>
        <translation>L = ½ (ŷ − y)²：它对 ŷ 的斜率就是误差 ŷ − y</translation>
    </message>
    <message>
        <source>the cross-entropy's slope in ŷ</source>
        <translation>交叉熵对 ŷ 的斜率</translation>
    </message>
    <message>
        <source>the penalty's slope, shared out over the n samples</source>
        <translation>惩罚项的斜率，平均分摊到 n 个样本上</translation>
    </message>
    <message>
        <source>L adds the penalty R, so the factor is 1</source>
        <translation>L 中加上了惩罚项 R，所以该因子为 1</translation>
    </message>
    <message>
        <source>leaky ReLU passes I where I &gt; 0 (slope 1) and 0.01 of it elsewhere: it never stops</source>
        <translation>泄漏 ReLU 在 I &gt; 0 处让 I 通过（斜率 1），其余处只通过它的 0.01：它从不停止</translation>
    </message>
    <message>
        <source>softplus′(I) = σ(I) = 1 − e^(−O): read from the unit's output</source>
        <translation>softplus′(I) = σ(I) = 1 − e^(−O)：由单元的输出读出</translation>
    </message>
    <message>
        <source>Playground's loss is the mean of ½ (ŷ − y)²: one point's slope in ŷ is (ŷ − y) / n</source>
        <translation>Playground 的损失是 ½ (ŷ − y)² 的平均值：一个点对 ŷ 的斜率是 (ŷ − y) / n</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Controls</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Prediction probe</source>
        <translation>预测探针</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>Decision map</source>
        <translation>决策图</translation>
    </message>
    <message>
        <source>Gradient health</source>
        <translation>梯度健康</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Train at the pace set on the toolbar (full speed unless slowed)</source>
        <translation>按工具栏上设定的速度训练（未调慢时为全速）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop on this iteration</source>
        <translation>停在这次迭代</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Exactly one iteration</source>
        <translation>只做一次迭代</translation>
    </message>
    <message>
        <source>Step phase</source>
        <translation>单步阶段</translation>
    </message>
    <message>
        <source>One phase of the next iteration: forward, loss, backward, update</source>
        <translation>下一次迭代的一个阶段：正向、损失、反向传播、更新</translation>
    </message>
    <message>
        <source>Rewind</source>
        <translation>回退</translation>
    </message>
    <message>
        <source>Back to the previous pause or step</source>
        <translation>回到上一次暂停或单步</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Forward again to the next point a rewind stepped back over</source>
        <translation>前进到回退时越过的下一个点</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the start point of this run</source>
        <translation>回到本次训练的起点</translation>
    </message>
    <message>
        <source>The remembered settings could not be used ({reason}); BP Studio starts with the article's run.</source>
        <translation>无法使用上次保存的设置（{reason}）；BP Studio 以文章的训练设置启动。</translation>
    </message>
    <message>
        <source>Settings set aside</source>
        <translation>已弃用保存的设置</translation>
    </message>
    <message>
        <source>BP Studio — backpropagation laboratory</source>
        <translation>BP Studio — 反向传播实验室</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>Manual</name>
    <message>
        <source>&amp;Manual</source>
        <translation>使用手册(&amp;M)</translation>
    </message>
    <message>
        <source>BP Studio manual</source>
        <translation>BP Studio 使用手册</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>the selected weight and</source>
        <translation>所选权重与</translation>
    </message>
    <message>
        <source>two random filter-normalised directions</source>
        <translation>两个随机的按滤波器归一化的方向</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>path so far</source>
        <translation>至今的路径</translation>
    </message>
    <message>
        <source>next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>−gradient (steepest descent)</source>
        <translation>−梯度（最速下降）</translation>
    </message>
    <message>
        <source>−gradient</source>
        <translation>−梯度</translation>
    </message>
    <message>
        <source>Across</source>
        <translation>跨</translation>
    </message>
    <message>
        <source>The second weight of the map</source>
        <translation>地图的第二个权重</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Points along each axis of the map</source>
        <translation>地图每个坐标轴上的点数</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 个点</translation>
    </message>
    <message>
        <source>Draw map</source>
        <translation>绘制地图</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <source>Save the map as {kind}</source>
        <translation>将地图保存为 {kind}</translation>
    </message>
    <message>
        <source>JVal (log colour scale)</source>
        <translation>JVal（对数色标）</translation>
    </message>
    <message>
        <source>a: along random direction d₁</source>
        <translation>a：沿随机方向 d₁</translation>
    </message>
    <message>
        <source>b: along random direction d₂</source>
        <translation>b：沿随机方向 d₂</translation>
    </message>
    <message>
        <source>weight {name}</source>
        <translation>权重 {name}</translation>
    </message>
    <message>
        <source>Select a weight in the diagram, or choose random directions.</source>
        <translation>请在网络图中选择一个权重，或选择随机方向。</translation>
    </message>
    <message>
        <source>Computing the {n} × {n} map in the background…</source>
        <translation>正在后台计算 {n} × {n} 的地图……</translation>
    </message>
    <message>
        <source>Map at iteration {iteration}.</source>
        <translation>第 {iteration} 次迭代时的地图。</translation>
    </message>
    <message>
        <source>Map at iteration {iteration}; the run has moved on — it is drawn again when the run pauses.</source>
        <translation>第 {iteration} 次迭代时的地图；训练已继续——暂停时重新绘制。</translation>
    </message>
    <message>
        <source>Cancelled: the map was not finished.</source>
        <translation>已取消：地图没有算完。</translation>
    </message>
    <message>
        <source>The map could not be computed: {reason}</source>
        <translation>无法计算地图：{reason}</translation>
    </message>
    <message>
        <source>Choose a second weight that differs from the selected one.</source>
        <translation>请选择与所选权重不同的第二个权重。</translation>
    </message>
    <message>
        <source>slopes along the directions: ∂J/∂a = {g1}, ∂J/∂b = {g2}</source>
        <translation>沿两个方向的斜率：∂J/∂a = {g1}，∂J/∂b = {g2}</translation>
    </message>
    <message>
        <source>gradient: ∂J/∂{first} = {g1}, ∂J/∂{second} = {g2}</source>
        <translation>梯度：∂J/∂{first} = {g1}，∂J/∂{second} = {g2}</translation>
    </message>
    <message>
        <source>colour: log₁₀ JVal</source>
        <translation>颜色：log₁₀ JVal</translation>
    </message>
    <message>
        <source>colour: JVal</source>
        <translation>颜色：JVal</translation>
    </message>
    <message>
        <source>JVal = &lt;b&gt;{jval}&lt;/b&gt; at the point; from {lo} to {hi} on the map ({colour})</source>
        <translation>当前点 JVal = &lt;b&gt;{jval}&lt;/b&gt;；地图上从 {lo} 到 {hi}（{colour}）</translation>
    </message>
    <message>
        <source>the red arrow points down the slope</source>
        <translation>红色箭头指向下坡方向</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&lt;h3&gt;BP Studio {version}&lt;/h3&gt;&lt;p&gt;A desktop laboratory for backpropagation.&lt;/p&gt;&lt;p&gt;After the article &lt;i&gt;Back Propagation - Python实现&lt;/i&gt; (2021), whose ideas — linear and non-linear operations as links of one graph, the loss-influence chain of a weight, sums at the sources — this studio draws live.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;BP Studio {version}&lt;/h3&gt;&lt;p&gt;反向传播的桌面实验室。&lt;/p&gt;&lt;p&gt;源自文章 &lt;i&gt;Back Propagation - Python实现&lt;/i&gt;（2021）：统一看待线性运算与非线性运算、确定求导变量的 loss 影响链路、在源处求和——本软件把这些思想实时画出来。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Adding the same numbers in a different order changes the last bit, and a vectorised engine adds in a different order than the article's per-sample loop.&lt;/p&gt;&lt;p&gt;This training run amplifies such differences, so after tens of thousands of iterations two correct programs agree only to a few digits: the same curve, not the same last digits.&lt;/p&gt;</source>
        <translation>&lt;p&gt;同样的数按不同顺序相加，最后一位会不同；向量化的引擎与文中逐样本的循环相加顺序不同。&lt;/p&gt;&lt;p&gt;这次训练会放大这种差别，所以几万次迭代之后，两个都正确的程序只在前几位一致：曲线相同，末位不同。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>学习(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Presentation &amp;size</source>
        <translation>演示字号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Automatic (for this screen)</source>
        <translation>自动（按此屏幕）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Small — digits 12 px</source>
        <translation>小——数字高 12 像素(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Medium — digits 14 px (1366×768)</source>
        <translation>中——数字高 14 像素（1366×768）(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Large — digits 18 px (1920×1080)</source>
        <translation>大——数字高 18 像素（1920×1080）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Extra large — digits 22 px</source>
        <translation>特大——数字高 22 像素(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Log scale for JVal</source>
        <translation>JVal 用对数坐标</translation>
    </message>
    <message>
        <source>Fit diagram to view</source>
        <translation>网络图适应窗口</translation>
    </message>
    <message>
        <source>&amp;Guided tour of the article's experiment</source>
        <translation>文中实验导览(&amp;G)</translation>
    </message>
    <message>
        <source>About BP Studio</source>
        <translation>关于 BP Studio</translation>
    </message>
    <message>
        <source>Why the last digits of a long run differ</source>
        <translation>为什么长时间训练的末位会不同</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>术语表(&amp;G)</translation>
    </message>
    <message>
        <source>Large text, nodes and lines for a projector; side panels hidden</source>
        <translation>为投影放大文字、节点与线条，并隐藏侧边面板</translation>
    </message>
    <message>
        <source>Digits 14 px tall on a screen under 900 lines, 18 px up to 1300, 22 px above</source>
        <translation>屏幕低于 900 行时数字高 14 像素，1300 行以内 18 像素，更高时 22 像素</translation>
    </message>
    <message>
        <source>Every term and symbol the window shows; Shift+F1 over a tooltip opens the term it uses</source>
        <translation>窗口中出现的每个术语和符号；在提示框上按 Shift+F1 可打开其中用到的术语</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>sample {n}: {values}</source>
        <translation>样本 {n}：{values}</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Step size: how far each iteration moves the weights (the article uses 0.001).</source>
        <translation>步长参数：每次迭代权重移动多远（文中取 0.001）。</translation>
    </message>
    <message>
        <source>the article's optimizer: steps of about α, scaled by the size of past gradients</source>
        <translation>文章所用的优化器：每步约为 α，并按以往梯度的大小缩放</translation>
    </message>
    <message>
        <source>Decay of Adam's first moment m: how much of the previous gradient direction it keeps, 0 to &lt;1.</source>
        <translation>Adam 一阶矩 m 的衰减率：保留多少先前的梯度方向，取值 0 到 &lt;1。</translation>
    </message>
    <message>
        <source>How slowly Adam forgets the size of past gradients, 0 to &lt;1 (article: 0.999).</source>
        <translation>二阶矩指数衰减率：Adam 遗忘以往梯度大小的快慢，取值 0 到 &lt;1（文中 0.999）。</translation>
    </message>
    <message>
        <source>Added after the square root of the corrected v: keeps Adam from dividing by zero.</source>
        <translation>加在修正后 v 的平方根之后：防止 Adam 除以零。</translation>
    </message>
    <message>
        <source>the plain rule, a step of −α·g</source>
        <translation>最朴素的规则，每步为 −α·g</translation>
    </message>
    <message>
        <source>gradient descent with a velocity u that remembers earlier gradients</source>
        <translation>带速度 u 的梯度下降，u 记住先前的梯度</translation>
    </message>
    <message>
        <source>How much of the velocity u each step keeps, 0 to &lt;1.</source>
        <translation>每一步保留多少速度 u，取值 0 到 &lt;1。</translation>
    </message>
    <message>
        <source>momentum that steps along g + β₁u, looking one velocity step ahead</source>
        <translation>沿 g + β₁u 前进的动量法，提前看一步速度</translation>
    </message>
    <message>
        <source>each weight's step divided by the root of a running mean of its squared gradients</source>
        <translation>每个权重的步长除以其梯度平方滑动平均的平方根</translation>
    </message>
    <message>
        <source>RMSProp's ρ: how slowly the mean of the squared gradients v forgets, 0 to &lt;1.</source>
        <translation>RMSProp 的 ρ：梯度平方的平均 v 遗忘得有多慢，取值 0 到 &lt;1。</translation>
    </message>
    <message>
        <source>Added after the square root of v: keeps RMSProp from dividing by zero.</source>
        <translation>加在 v 的平方根之后：防止 RMSProp 除以零。</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>no non-linearity, O = I: the whole network is linear</source>
        <translation>没有非线性，O = I：整个网络是线性的</translation>
    </message>
    <message>
        <source>article (r, g, b)</source>
        <translation>文中数据 (r, g, b)</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>圆环</translation>
    </message>
    <message>
        <source>xor</source>
        <translation>异或</translation>
    </message>
    <message>
        <source>gauss</source>
        <translation>高斯簇</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <source>multi-gauss</source>
        <translation>多高斯</translation>
    </message>
    <message>
        <source>mse (squared error)</source>
        <translation>mse（平方误差）</translation>
    </message>
    <message>
        <source>half the squared error ½‖ŷ − y‖², as in the article</source>
        <translation>平方误差的一半 ½‖ŷ − y‖²，与文中相同</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>cross-entropy −Σ y log ŷ of softmax or sigmoid outputs, for classes</source>
        <translation>softmax 或 sigmoid 输出的交叉熵 −Σ y log ŷ，用于分类</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>relu</source>
        <translation>relu</translation>
    </message>
    <message>
        <source>the rectifier max(I, 0): slope 1 where I &gt; 0, else 0 (a unit can die)</source>
        <translation>整流函数 max(I, 0)：I &gt; 0 处斜率为 1，其余为 0（单元可能“死亡”）</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>the logistic sigmoid: an S-curve from 0 to 1, slope O(1 − O)</source>
        <translation>logistic sigmoid：从 0 到 1 的 S 形曲线，斜率 O(1 − O)</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>softmax: the outputs become class probabilities that sum to 1</source>
        <translation>softmax：输出变成和为 1 的类别概率</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>tanh, as in the article: an S-curve from −1 to 1, slope 1 − O²</source>
        <translation>tanh，与文中相同：从 −1 到 1 的 S 形曲线，斜率 1 − O²</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>泄漏 ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU: slope 1 where I &gt; 0, else 0.01, so a unit never dies</source>
        <translation>泄漏 ReLU：I &gt; 0 处斜率为 1，其余为 0.01，所以单元永远不会“死亡”</translation>
    </message>
    <message>
        <source>softplus (smooth ReLU)</source>
        <translation>softplus（平滑 ReLU）</translation>
    </message>
    <message>
        <source>softplus log(1 + eᴵ): a smooth ReLU whose slope σ(I) never quite reaches 0</source>
        <translation>softplus log(1 + eᴵ)：平滑的 ReLU，斜率 σ(I) 永远不会真正到 0</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>Playground's mean squared error</source>
        <translation>Playground 的均方误差</translation>
    </message>
    <message>
        <source>the mean over the training points of ½ (ŷ − y)², as TensorFlow Playground trains</source>
        <translation>训练点上 ½ (ŷ − y)² 的平均值，与 TensorFlow Playground 的训练方式相同</translation>
    </message>
</context>
<context>
    <name>PaceControls</name>
    <message>
        <source>Slower</source>
        <translation>更慢</translation>
    </message>
    <message>
        <source>Fewer iterations a second</source>
        <translation>每秒迭代更少</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>更快</translation>
    </message>
    <message>
        <source>More iterations a second, up to full speed</source>
        <translation>每秒迭代更多，直到全速</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source> it/s</source>
        <translation> 次/秒</translation>
    </message>
    <message>
        <source>run until paused</source>
        <translation>一直运行到暂停</translation>
    </message>
    <message>
        <source>run </source>
        <translation>运行 </translation>
    </message>
    <message>
        <source> then pause</source>
        <translation> 次后暂停</translation>
    </message>
    <message>
        <source>Iterations a second while running: slow enough to narrate, or full speed (0). Slower {slower}, faster {faster}.</source>
        <translation>运行时每秒的迭代次数：慢到可以边讲边看，或全速（0）。更慢 {slower}，更快 {faster}。</translation>
    </message>
    <message>
        <source>Run (Space) trains this many iterations, then pauses by itself; 0 runs until you pause. Step (→) is still one.</source>
        <translation>运行（空格）训练这么多次迭代后自动暂停；0 表示一直运行到你暂停。单步（→）仍是一次。</translation>
    </message>
</context>
<context>
    <name>PhaseBanner</name>
    <message>
        <source>forward through layer {layer}: values of every node</source>
        <translation>前向经过第 {layer} 层：每个节点的值</translation>
    </message>
    <message>
        <source>loss: each output's error</source>
        <translation>损失：每个输出的误差</translation>
    </message>
    <message>
        <source>backward through layer {layer}: ∂L/∂node, toward the inputs</source>
        <translation>反向经过第 {layer} 层：∂L/∂节点，朝向输入</translation>
    </message>
    <message>
        <source>update ({optimizer}): every weight moves</source>
        <translation>更新（{optimizer}）：每个权重移动一步</translation>
    </message>
    <message>
        <source>Iteration {k} · {i}/{n} · </source>
        <translation>第 {k} 次迭代 · {i}/{n} · </translation>
    </message>
    <message>
        <source>sample {s}: L = {loss}; JVal = Σ L over all samples = {jval}</source>
        <translation>样本 {s}：L = {loss}；JVal = 全部样本的 Σ L = {jval}</translation>
    </message>
</context>
<context>
    <name>PlaygroundLinks</name>
    <message>
        <source>Open &amp;Playground link…</source>
        <translation>打开 &amp;Playground 链接…</translation>
    </message>
    <message>
        <source>Open a TensorFlow Playground link's own run, number for number</source>
        <translation>打开 TensorFlow Playground 链接本身的训练，每个数字都一致</translation>
    </message>
    <message>
        <source>Playground link</source>
        <translation>Playground 链接</translation>
    </message>
    <message>
        <source>The TensorFlow Playground URL of this run, copied to the clipboard</source>
        <translation>本次训练的 TensorFlow Playground 网址，已复制到剪贴板</translation>
    </message>
    <message>
        <source>Playground link: {note}</source>
        <translation>Playground 链接：{note}</translation>
    </message>
    <message>
        <source>Opened a Playground link's run: Playground conventions, epoch 0</source>
        <translation>已打开 Playground 链接的训练：Playground 约定，第 0 轮</translation>
    </message>
    <message>
        <source>This run uses the studio's own conventions (a summed loss, its start weights, data and optimizer), which TensorFlow Playground cannot express. Only a run opened from a Playground link has one.</source>
        <translation>本次训练使用 BP Studio 自己的约定（求和的损失、自己的初始权重、数据和优化器），TensorFlow Playground 无法表达。只有从 Playground 链接打开的训练才有链接。</translation>
    </message>
    <message>
        <source>The run's TensorFlow Playground link, copied to the clipboard:</source>
        <translation>本次训练的 TensorFlow Playground 链接，已复制到剪贴板：</translation>
    </message>
    <message>
        <source>Playground link copied</source>
        <translation>已复制 Playground 链接</translation>
    </message>
</context>
<context>
    <name>PlotMenu</name>
    <message>
        <source>View All</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>{axis} axis</source>
        <translation>{axis} 轴</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>鼠标模式</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>三键</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>单键</translation>
    </message>
    <message>
        <source>Plot Options</source>
        <translation>绘图选项</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>变换</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>降采样</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>透明度</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Link Axis:</source>
        <translation>关联坐标轴：</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>反转坐标轴</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>允许鼠标操作</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>仅可见数据</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>仅自动平移</translation>
    </message>
    <message>
        <source>Clip to View</source>
        <translation>裁剪到视图</translation>
    </message>
    <message>
        <source>Max Traces:</source>
        <translation>最多曲线数：</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>Forget hidden traces</source>
        <translation>丢弃隐藏的曲线</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>Log X</source>
        <translation>X 对数</translation>
    </message>
    <message>
        <source>Power Spectrum (FFT)</source>
        <translation>功率谱（FFT）</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>Y 对数</translation>
    </message>
    <message>
        <source>Subtract Mean</source>
        <translation>减去均值</translation>
    </message>
    <message>
        <source>Show X Grid</source>
        <translation>显示 X 网格</translation>
    </message>
    <message>
        <source>Show Y Grid</source>
        <translation>显示 Y 网格</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
</context>
<context>
    <name>Pointer</name>
    <message>
        <source>Cursor &amp;halo</source>
        <translation>光标光环(&amp;H)</translation>
    </message>
    <message>
        <source>A large ring follows the mouse, so the back row can follow it (Ctrl+H)</source>
        <translation>一个大圆环跟随鼠标，后排也能看清鼠标在哪里（Ctrl+H）</translation>
    </message>
    <message>
        <source>Clear the pointer</source>
        <translation>清除指示</translation>
    </message>
</context>
<context>
    <name>PredictionProbe</name>
    <message>
        <source>true</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Input {name}, from {lo} to {hi} (the data's range)</source>
        <translation>输入 {name}，从 {lo} 到 {hi}（数据的范围）</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Scene {n}: {title}</source>
        <translation>场景 {n}：{title}</translation>
    </message>
    <message>
        <source>Scene {n}</source>
        <translation>场景 {n}</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>（无备注）</translation>
    </message>
    <message>
        <source>Next: the end of the lecture</source>
        <translation>下一个：讲课结束</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>下一个：{title}</translation>
    </message>
    <message>
        <source>Next:</source>
        <translation>下一个：</translation>
    </message>
    <message>
        <source>Presenter view — BP Studio</source>
        <translation>演讲者视图 — BP Studio</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>GD</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>{samples} samples, seed {seed}</source>
        <translation>{samples} 个样本，种子 {seed}</translation>
    </message>
    <message>
        <source>{field} {old} → {new} at {iteration}</source>
        <translation>{field} {old} → {new}（第 {iteration} 次迭代）</translation>
    </message>
    <message>
        <source>({iterations} it., JVal {jval})</source>
        <translation>（{iterations} 次迭代，JVal {jval}）</translation>
    </message>
    <message>
        <source>Finished runs; tick to overlay their JVal curves.</source>
        <translation>已完成的训练；勾选即叠加其 JVal 曲线。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Forget the selected run</source>
        <translation>删除所选的训练记录</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
</context>
<context>
    <name>SampleSumBox</name>
    <message>
        <source>From one sample to all samples</source>
        <translation>从单个样本到全部样本</translation>
    </message>
    <message>
        <source>{count} samples with a term in [{low}, {high}]</source>
        <translation>{count} 个样本的贡献在 [{low}, {high}] 之间</translation>
    </message>
    <message>
        <source>Every sample's term…</source>
        <translation>每个样本的项…</translation>
    </message>
    <message>
        <source>All the terms in a table: sort them by any column, export them to CSV</source>
        <translation>所有项列成一张表：可按任一列排序，可导出为 CSV</translation>
    </message>
    <message>
        <source>JVal is a sum over the samples, so ∂JVal/∂{p} is the sum of every sample's own chain value. Sample {s}, whose numbers the formula shows, adds &lt;b&gt;{v}&lt;/b&gt; (▲ under the bars).</source>
        <translation>JVal 是对全部样本求和，所以 ∂JVal/∂{p} 等于每个样本各自的链路值之和。公式所用的样本 {s} 贡献 &lt;b&gt;{v}&lt;/b&gt;（柱状图下的 ▲）。</translation>
    </message>
    <message>
        <source>sample {s}</source>
        <translation>样本 {s}</translation>
    </message>
    <message>
        <source>The largest terms:</source>
        <translation>贡献最大的几项：</translation>
    </message>
    <message>
        <source>Σ of the {n} terms = {data}, + the penalty's {penalty} = &lt;b&gt;{total}&lt;/b&gt; = ∂JVal/∂{p}</source>
        <translation>{n} 项之和 = {data}，加上惩罚项的 {penalty} = &lt;b&gt;{total}&lt;/b&gt; = ∂JVal/∂{p}</translation>
    </message>
    <message>
        <source>Σ of the {n} terms = &lt;b&gt;{total}&lt;/b&gt; = ∂JVal/∂{p}, the gradient</source>
        <translation>{n} 项之和 = &lt;b&gt;{total}&lt;/b&gt; = ∂JVal/∂{p}，即梯度</translation>
    </message>
</context>
<context>
    <name>SampleTermsDialog</name>
    <message>
        <source>Export every sample's term</source>
        <translation>导出每个样本的项</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>{path} could not be written:
{reason}</source>
        <translation>无法写入 {path}：
{reason}</translation>
    </message>
    <message>
        <source>Every sample's term of ∂JVal/∂{p}</source>
        <translation>∂JVal/∂{p} 中每个样本的项</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>One row per training sample, every number with 17 significant digits, as bpstudio chain --per-sample</source>
        <translation>每个训练样本一行，每个数字 17 位有效数字，与 bpstudio chain --per-sample 相同</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Working out every sample's term…</source>
        <translation>正在计算每个样本的项…</translation>
    </message>
    <message>
        <source>{n} training samples at iteration {k}. Each term is the sample's ∂L/∂{p}; together they add up to ∂JVal/∂{p} = {total}. Click a column's header to sort by it; hover a number for all its digits.</source>
        <translation>迭代 {k} 时的 {n} 个训练样本。每一项是该样本的 ∂L/∂{p}；它们加起来就是 ∂JVal/∂{p} = {total}。点击列标题可按该列排序；鼠标停在数字上可看到它的全部位数。</translation>
    </message>
    <message>
        <source>Each term includes the penalty's share dR/dw / n = {share}.</source>
        <translation>每一项都含有惩罚项的份额 dR/dw / n = {share}。</translation>
    </message>
</context>
<context>
    <name>SaveNames</name>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>{name} already exists in {folder}.
Do you want to replace it?</source>
        <translation>{folder} 中已存在 {name}。
要替换它吗？</translation>
    </message>
</context>
<context>
    <name>SceneAnimation</name>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>decision map</source>
        <translation>决策图</translation>
    </message>
    <message>
        <source>the run stopped ({reason})</source>
        <translation>运行已停止（{reason}）</translation>
    </message>
</context>
<context>
    <name>SceneSlides</name>
    <message>
        <source>Scene {n}</source>
        <translation>场景 {n}</translation>
    </message>
    <message>
        <source>iteration {n} · JVal {jval}</source>
        <translation>迭代 {n} · JVal {jval}</translation>
    </message>
    <message>
        <source>phase {k}/{total} of iteration {next}</source>
        <translation>第 {next} 次迭代的阶段 {k}/{total}</translation>
    </message>
    <message>
        <source>sample {n}</source>
        <translation>样本 {n}</translation>
    </message>
    <message>
        <source>source Σ: branches summed</source>
        <translation>源 Σ：各分支在此求和</translation>
    </message>
    <message>
        <source>below a sink: defined once</source>
        <translation>汇之后：只定义一次</translation>
    </message>
    <message>
        <source>worksheet: fill in each blank (4 significant digits)</source>
        <translation>练习：填写每个空白（4 位有效数字）</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>(no parameter chosen: nothing to fill in)</source>
        <translation>（未选择参数：无需填写）</translation>
    </message>
</context>
<context>
    <name>Scenes</name>
    <message>
        <source>BP Studio lectures (*.bplecture)</source>
        <translation>BP Studio 讲课文件 (*.bplecture)</translation>
    </message>
    <message>
        <source>&amp;Add scene (capture now)</source>
        <translation>添加场景（记下当前画面）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Update scene</source>
        <translation>更新场景(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Next scene</source>
        <translation>下一个场景(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous scene</source>
        <translation>上一个场景(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Rename scene</source>
        <translation>重命名场景(&amp;R)</translation>
    </message>
    <message>
        <source>D&amp;uplicate scene</source>
        <translation>复制场景(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete scene</source>
        <translation>删除场景(&amp;D)</translation>
    </message>
    <message>
        <source>Open &amp;Lecture…</source>
        <translation>打开讲课(&amp;L)…</translation>
    </message>
    <message>
        <source>Save Lec&amp;ture</source>
        <translation>保存讲课(&amp;T)</translation>
    </message>
    <message>
        <source>Save Lecture As…</source>
        <translation>讲课另存为…</translation>
    </message>
    <message>
        <source>Keep what the studio shows now as a new scene after the current one</source>
        <translation>把工作室当前显示的内容记为一个新场景，放在当前场景之后</translation>
    </message>
    <message>
        <source>Replace the current scene by what the studio shows now (its title and note stay)</source>
        <translation>用工作室当前显示的内容替换当前场景（标题和备注保留）</translation>
    </message>
    <message>
        <source>Go to the next scene (Page Down, as a presenter's remote sends)</source>
        <translation>转到下一个场景（PgDn，演示遥控器发送的键）</translation>
    </message>
    <message>
        <source>Go to the previous scene (Page Up)</source>
        <translation>转到上一个场景（PgUp）</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Scene {n} deleted (Lecture ▸ Undo brings it back)</source>
        <translation>已删除场景 {n}（讲课 ▸ 撤销可恢复）</translation>
    </message>
    <message>
        <source>Lect&amp;ure</source>
        <translation>讲课(&amp;U)</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Scenes panel</source>
        <translation>场景面板</translation>
    </message>
    <message>
        <source>Scene {n}</source>
        <translation>场景 {n}</translation>
    </message>
    <message>
        <source>Rename scene</source>
        <translation>重命名场景</translation>
    </message>
    <message>
        <source>Move scene</source>
        <translation>移动场景</translation>
    </message>
    <message>
        <source>Add scene</source>
        <translation>添加场景</translation>
    </message>
    <message>
        <source>Scene {n} added</source>
        <translation>已添加场景 {n}</translation>
    </message>
    <message>
        <source>Update scene</source>
        <translation>更新场景</translation>
    </message>
    <message>
        <source>Scene {n} updated</source>
        <translation>已更新场景 {n}</translation>
    </message>
    <message>
        <source>Duplicate scene</source>
        <translation>复制场景</translation>
    </message>
    <message>
        <source>Delete scene</source>
        <translation>删除场景</translation>
    </message>
    <message>
        <source>Scene {n} cannot be shown: {reason}</source>
        <translation>场景 {n} 无法显示：{reason}</translation>
    </message>
    <message>
        <source>This is the last scene.</source>
        <translation>这是最后一个场景。</translation>
    </message>
    <message>
        <source>This is the first scene.</source>
        <translation>这是第一个场景。</translation>
    </message>
    <message>
        <source>Open lecture</source>
        <translation>打开讲课</translation>
    </message>
    <message>
        <source>Cannot open the lecture</source>
        <translation>无法打开讲课</translation>
    </message>
    <message>
        <source>{name} cannot be opened:
{reason}

Nothing was opened.</source>
        <translation>无法打开 {name}：
{reason}

未打开任何内容。</translation>
    </message>
    <message>
        <source>None of this lecture's scenes can be shown.</source>
        <translation>这份讲课的场景都无法显示。</translation>
    </message>
    <message>
        <source>Save lecture</source>
        <translation>保存讲课</translation>
    </message>
    <message>
        <source>Cannot save the lecture</source>
        <translation>无法保存讲课</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Unsaved lecture</source>
        <translation>讲课未保存</translation>
    </message>
    <message>
        <source>The lecture's scenes have changed since it was last saved. Save the lecture first?</source>
        <translation>讲课的场景自上次保存后已更改。要先保存讲课吗？</translation>
    </message>
    <message>
        <source>untitled lecture</source>
        <translation>未命名讲课</translation>
    </message>
    <message>
        <source>{path} could not be used:
{reason}</source>
        <translation>无法使用 {path}：
{reason}</translation>
    </message>
</context>
<context>
    <name>ScenesPanel</name>
    <message>
        <source>This scene cannot be shown: {reason}</source>
        <translation>此场景无法显示：{reason}</translation>
    </message>
    <message>
        <source>Note for the teacher (not shown to the class):</source>
        <translation>教师备注（不向全班显示）：</translation>
    </message>
    <message>
        <source>What to say or ask at this scene</source>
        <translation>在这个场景要讲或要问什么</translation>
    </message>
    <message>
        <source>Click a scene to go to it; F2 or a double-click renames it; drag to reorder</source>
        <translation>单击场景即转到该场景；F2 或双击可重命名；拖动可调整顺序</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>BP Studio sessions (*.bpstudio)</source>
        <translation>BP Studio 会话 (*.bpstudio)</translation>
    </message>
    <message>
        <source>BP Studio sessions and lectures (*.bpstudio *.bplecture)</source>
        <translation>BP Studio 会话和讲课 (*.bpstudio *.bplecture)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>the training process ended before the file was loaded</source>
        <translation>训练进程在文件载入之前就结束了</translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>{name} cannot be opened:
{reason}

The current session stays as it was.</source>
        <translation>无法打开 {name}：
{reason}

当前会话保持不变。</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>{path} could not be written:
{reason}</source>
        <translation>无法写入 {path}：
{reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Unsaved work</source>
        <translation>未保存的工作</translation>
    </message>
    <message>
        <source>This session has changed since it was last saved. Save it first?</source>
        <translation>本会话自上次保存后已有改动。先保存吗？</translation>
    </message>
</context>
<context>
    <name>SliceView</name>
    <message>
        <source>JVal, the other weights held</source>
        <translation>JVal，其余权重不变</translation>
    </message>
    <message>
        <source>tangent: slope ∂J/∂w</source>
        <translation>切线：斜率 ∂J/∂w</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>{optimizer}'s next step</source>
        <translation>{optimizer} 的下一步</translation>
    </message>
    <message>
        <source>gradient step −α·∂J/∂w</source>
        <translation>梯度步 −α·∂J/∂w</translation>
    </message>
    <message>
        <source>tangent</source>
        <translation>切线</translation>
    </message>
    <message>
        <source>Window ±</source>
        <translation>窗口 ±</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>How far the weight moves each way; auto: from the weight's size, its bend and its recent and next steps</source>
        <translation>权重向两侧各移动多远；自动：由权重的大小、曲率以及最近和下一步的步长决定</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <source>Save the slice as {kind}</source>
        <translation>将切片保存为 {kind}</translation>
    </message>
    <message>
        <source>Pause, then drag this ring along the curve to set the weight</source>
        <translation>暂停后沿曲线拖动这个圆环即可设定该权重</translation>
    </message>
    <message>
        <source>weight {name}</source>
        <translation>权重 {name}</translation>
    </message>
    <message>
        <source>JVal (sum over the samples)</source>
        <translation>JVal（对样本求和）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Along one weight&lt;/b&gt;: select a weight in the diagram.</source>
        <translation>&lt;b&gt;沿一个权重&lt;/b&gt;：请在网络图中选择一个权重。</translation>
    </message>
    <message>
        <source>&lt;b&gt;JVal along {name}&lt;/b&gt;, every other weight held</source>
        <translation>&lt;b&gt;JVal 沿 {name}&lt;/b&gt;，其余权重保持不变</translation>
    </message>
    <message>
        <source>{name} = {weight}, JVal = {jval}; the tangent's slope is the gradient ∂J/∂w = &lt;b&gt;{gradient}&lt;/b&gt;</source>
        <translation>{name} = {weight}，JVal = {jval}；切线的斜率就是梯度 ∂J/∂w = &lt;b&gt;{gradient}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{optimizer}'s next step: Δw = {step} → JVal {after}; a plain gradient step −α·∂J/∂w: Δw = {gstep} → JVal {gafter}</source>
        <translation>{optimizer} 的下一步：Δw = {step} → JVal {after}；普通梯度步 −α·∂J/∂w：Δw = {gstep} → JVal {gafter}</translation>
    </message>
    <message>
        <source>curvature ∂²J/∂w² = {c}: the curve is straight here</source>
        <translation>曲率 ∂²J/∂w² = {c}：曲线在此处是直的</translation>
    </message>
    <message>
        <source>curvature ∂²J/∂w² = &lt;b&gt;{c}&lt;/b&gt;: JVal bends upwards here, the curve lies above its tangent — a step changes JVal by g·Δw + ½·J″·Δw²</source>
        <translation>曲率 ∂²J/∂w² = &lt;b&gt;{c}&lt;/b&gt;：JVal 在此处向上弯，曲线位于切线上方——一步使 JVal 改变 g·Δw + ½·J″·Δw²</translation>
    </message>
    <message>
        <source>curvature ∂²J/∂w² = &lt;b&gt;{c}&lt;/b&gt;: JVal bends downwards here, the curve lies below its tangent — a step changes JVal by g·Δw + ½·J″·Δw²</source>
        <translation>曲率 ∂²J/∂w² = &lt;b&gt;{c}&lt;/b&gt;：JVal 在此处向下弯，曲线位于切线下方——一步使 JVal 改变 g·Δw + ½·J″·Δw²</translation>
    </message>
    <message>
        <source>Δw = {dw}: the tangent predicts ΔJ = g·Δw = &lt;b&gt;{predicted}&lt;/b&gt;; the curve says ΔJ = &lt;b&gt;{curve}&lt;/b&gt;</source>
        <translation>Δw = {dw}：切线预测 ΔJ = g·Δw = &lt;b&gt;{predicted}&lt;/b&gt;；曲线给出 ΔJ = &lt;b&gt;{curve}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The weight was set: Δw = {dw}; predicted ΔJ (tangent) = &lt;b&gt;{predicted}&lt;/b&gt;, actual ΔJ = &lt;b&gt;{actual}&lt;/b&gt;</source>
        <translation>权重已设定：Δw = {dw}；切线预测的 ΔJ = &lt;b&gt;{predicted}&lt;/b&gt;，实际 ΔJ = &lt;b&gt;{actual}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Drag the green ring along the curve to set the weight.</source>
        <translation>沿曲线拖动绿色圆环即可设定该权重。</translation>
    </message>
    <message>
        <source>Pause the run to drag the weight along the curve.</source>
        <translation>暂停训练后可沿曲线拖动该权重。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>phase by phase</source>
        <translation>逐阶段执行</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>已收敛</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>StopReason</name>
    <message>
        <source>stopped: the largest gradient component is below ζ</source>
        <translation>已停止：梯度的最大分量小于 ζ</translation>
    </message>
    <message>
        <source>stopped: the weights moved less than ζ²</source>
        <translation>已停止：权重的移动小于 ζ²</translation>
    </message>
    <message>
        <source>stopped: JVal changed less than ζ²</source>
        <translation>已停止：JVal 的变化小于 ζ²</translation>
    </message>
    <message>
        <source>stopped: the weights or JVal changed less than ζ²</source>
        <translation>已停止：权重或 JVal 的变化小于 ζ²</translation>
    </message>
    <message>
        <source>reached the iteration limit</source>
        <translation>已达到最大迭代次数</translation>
    </message>
    <message>
        <source>diverged at iteration {n}: JVal overflowed</source>
        <translation>第 {n} 次迭代发散：JVal 溢出</translation>
    </message>
</context>
<context>
    <name>StudioStatusBar</name>
    <message>
        <source>training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <source>Playground conventions</source>
        <translation>Playground 约定</translation>
    </message>
    <message>
        <source>iteration {n}</source>
        <translation>第 {n} 次迭代</translation>
    </message>
    <message>
        <source>epoch {n}</source>
        <translation>第 {n} 轮</translation>
    </message>
    <message>
        <source>{rate} it/s</source>
        <translation>{rate} 次/秒</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>Source (源)</source>
        <translation>源（source）</translation>
    </message>
    <message>
        <source>a node of this chain with several downstream branches; the gradients coming back along them are summed there.</source>
        <translation>本链路中有多个下游分支的节点；沿这些分支传回的梯度在这里求和。</translation>
    </message>
    <message>
        <source>Sink (汇)</source>
        <translation>汇（sink）</translation>
    </message>
    <message>
        <source>a node of this chain where several upstream branches meet, such as L; nothing is summed for the parameter there.</source>
        <translation>本链路中多个上游分支汇合的节点，例如 L；对这个参数而言，这里不做求和。</translation>
    </message>
    <message>
        <source>Basic link (基础影响链路)</source>
        <translation>基础影响链路（basic link）</translation>
    </message>
    <message>
        <source>one edge a → b of the diagram with its local derivative ∂b/∂a; backpropagation multiplies them along each path to L.</source>
        <translation>图中的一条边 a → b 及其局部导数 ∂b/∂a；反向传播沿通往 L 的每条路径把它们相乘。</translation>
    </message>
    <message>
        <source>{term}: {definition}</source>
        <translation>{term}：{definition}</translation>
    </message>
    <message>
        <source>Hover the diagram's nodes and links, or the formula's source and sink tags, for more.</source>
        <translation>把鼠标停在图中的节点、连线或公式里的“源”“汇”标签上，可看到更多说明。</translation>
    </message>
    <message>
        <source>Every term and symbol of the window: {link} (Shift+F1)</source>
        <translation>窗口中的全部术语和符号：{link}（⇧+F1）</translation>
    </message>
    <message>
        <source>Help ▸ Glossary</source>
        <translation>帮助 ▸ 术语表</translation>
    </message>
</context>
<context>
    <name>TermsBox</name>
    <message>
        <source>Terms</source>
        <translation>术语</translation>
    </message>
</context>
<context>
    <name>TrainerReports</name>
    <message>
        <source>Training stopped because of an error: {error}</source>
        <translation>训练因错误而停止：{error}</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly ({how}). The run stays as shown: save it, then restart BP Studio.</source>
        <translation>训练进程意外结束（{how}）。训练停在当前显示的状态：请先保存，然后重新启动 BP Studio。</translation>
    </message>
</context>
<context>
    <name>TrainerWatch</name>
    <message>
        <source>The training process has not answered for {seconds} s: it may be stopped or busy with a long step. The run goes on when it answers; if it never does, save the session and restart BP Studio.</source>
        <translation>训练进程已有 {seconds} 秒没有回应：它可能被暂停了，或正忙于一个很长的步骤。它一回应训练就会继续；如果一直没有回应，请保存会话并重新启动 BP Studio。</translation>
    </message>
    <message>
        <source>signal {name}</source>
        <translation>信号 {name}</translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation>退出码 {code}</translation>
    </message>
</context>
<context>
    <name>UnitTiles</name>
    <message>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Saturated unit: its output O sits at the flat end of tanh (|O| &gt; 0.99) or sigmoid on every training sample, so the basic link dO/dI is almost 0 and the gradient reaching its incoming weights nearly vanishes: they hardly change. Smaller start weights, a smaller α or standardised inputs prevent it.</source>
        <translation>饱和单元：在每个训练样本上，它的输出 O 都落在 tanh（|O| &gt; 0.99）或 sigmoid 的平坦端，所以基础影响链路 dO/dI 几乎为 0，传到它输入权重的梯度几乎消失：这些权重几乎不再变化。较小的初始权重、较小的 α 或标准化的输入可以避免。</translation>
    </message>
    <message>
        <source>Dead unit: this ReLU outputs 0 on every training sample, so dO/dI = 0 for all of them and no gradient ever reaches its incoming weights: it cannot come back to life by training. A smaller α or a different start avoids it.</source>
        <translation>死亡单元：这个 ReLU 在每个训练样本上都输出 0，所以 dO/dI 处处为 0，再也没有梯度传到它的输入权重：训练无法让它复活。较小的 α 或不同的起点可以避免。</translation>
    </message>
</context>
</TS>