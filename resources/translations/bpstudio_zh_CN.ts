<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ControlsPanel</name>
    <message>
        <source>Adam as in the article; gradient descent is the plain rule; momentum adds velocity.</source>
        <translation>Adam 即文中的方法；梯度下降为最简单的规则；动量法在梯度下降上加了速度。</translation>
    </message>
    <message>
        <source>Step size: how far each iteration moves the weights (the article uses 0.001).</source>
        <translation>步长参数：每次迭代权重移动多远（文中取 0.001）。</translation>
    </message>
    <message>
        <source>How much of the previous gradient direction Adam (or momentum) keeps, 0 to &lt;1.</source>
        <translation>一阶矩指数衰减率：Adam（或动量法）保留多少以往梯度方向，取值 0 到 &lt;1。</translation>
    </message>
    <message>
        <source>How slowly Adam forgets the size of past gradients, 0 to &lt;1 (article: 0.999).</source>
        <translation>二阶矩指数衰减率：Adam 遗忘以往梯度大小的快慢，取值 0 到 &lt;1（文中 0.999）。</translation>
    </message>
    <message>
        <source>A tiny number that keeps Adam from dividing by zero.</source>
        <translation>足够小正数：防止 Adam 除以零。</translation>
    </message>
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
        <source>The hidden units' non-linear link: tanh as in the article, sigmoid, relu or identity.</source>
        <translation>隐藏单元的非线性运算：文中为 tanh，也可选 sigmoid、relu 或 identity。</translation>
    </message>
    <message>
        <source>Start weights: uniform in (-1, 1) as the article, or all zeros (see why that fails).</source>
        <translation>初始权重：如文中在 (-1, 1) 内均匀取值，或全部为 0（看看为什么不行）。</translation>
    </message>
    <message>
        <source>How many r, g, b samples the loss JVal sums over.</source>
        <translation>损失 JVal 对多少个 r, g, b 样本求和。</translation>
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
        <source>Training (applies at the next iteration)</source>
        <translation>训练（下一次迭代起生效）</translation>
    </message>
    <message>
        <source>Model and data (starts a new run)</source>
        <translation>模型与数据（开始新的训练）</translation>
    </message>
    <message>
        <source>the article's x, y, lv</source>
        <translation>文中的 x, y, lv</translation>
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
        <source>Data: {file} — inputs {inputs}; targets {targets}</source>
        <translation>数据：{file} — 输入 {inputs}；目标 {targets}</translation>
    </message>
    <message>
        <source>Data: r, g, b as the article draws them; your targets</source>
        <translation>数据：按文中方式生成 r, g, b；自定义目标</translation>
    </message>
    <message>
        <source>Data: the article's r, g, b -&gt; x, y, lv</source>
        <translation>数据：文中的 r, g, b -&gt; x, y, lv</translation>
    </message>
    <message>
        <source>{optimizer} does not use this setting</source>
        <translation>{optimizer} 不使用这一设置</translation>
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
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
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
        <source>The plot is the article's figure: JVal per epoch from the green seed to the red solution star, and its title reads solution-JVal. That is the whole experiment.</source>
        <translation>曲线即文中的图：每个 epoch 的 JVal，从绿色的 seed 到红色的 solution 星形，标题写着 solution-JVal。实验到此完成。</translation>
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
        <source>tangent g·Δw = &lt;b&gt;{predicted}&lt;/b&gt;&lt;br&gt;actual ΔJ = &lt;b&gt;{actual}&lt;/b&gt;&lt;br&gt;curvature ½·J″·Δw² = {curvature} (J″ = {second})&lt;br&gt;tangent + curvature = {both} — what is left is of higher order.&lt;br&gt;The parameter was put back.</source>
        <translation>切线预测 g·Δw = &lt;b&gt;{predicted}&lt;/b&gt;&lt;br&gt;实际 ΔJ = &lt;b&gt;{actual}&lt;/b&gt;&lt;br&gt;曲率项 ½·J″·Δw² = {curvature}（J″ = {second}）&lt;br&gt;切线 + 曲率 = {both}——剩下的是更高阶项。&lt;br&gt;参数已放回。</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样本</translation>
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
        <source>Adam's first step is about −α·sign(g): m̂ = g and v̂ = g², so m̂/√v̂ = ±1 whatever the size of g.</source>
        <translation>Adam 的第一步约为 −α·sign(g)：此时 m̂ = g、v̂ = g²，所以无论 g 多大，m̂/√v̂ = ±1。</translation>
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
        <source>inputs {inputs}; targets {targets}</source>
        <translation>输入 {inputs}；目标 {targets}</translation>
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
        <source>epoch</source>
        <translation>迭代次数</translation>
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
        <source>Train at full speed</source>
        <translation>全速训练</translation>
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
    <message>
        <source>Training stopped because of an error: {error}</source>
        <translation>训练因错误而停止：{error}</translation>
    </message>
    <message>
        <source>Finishing the current step… BP Studio closes when it is done.</source>
        <translation>正在完成当前步骤……完成后 BP Studio 将关闭。</translation>
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
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
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
        <source>Large text, nodes and lines for a projector; side panels hidden</source>
        <translation>为投影放大文字、节点与线条，并隐藏侧边面板</translation>
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
    <name>PredictionProbe</name>
    <message>
        <source>&lt;b&gt;output&lt;/b&gt; &amp;nbsp;&amp;nbsp; network &amp;nbsp;&amp;nbsp; true</source>
        <translation>&lt;b&gt;输出&lt;/b&gt; &amp;nbsp;&amp;nbsp; 网络 &amp;nbsp;&amp;nbsp; 真实值</translation>
    </message>
    <message>
        <source>Input {name}, from {lo} to {hi} (the data's range)</source>
        <translation>输入 {name}，从 {lo} 到 {hi}（数据的范围）</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
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
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>BP Studio sessions (*.bpstudio)</source>
        <translation>BP Studio 会话 (*.bpstudio)</translation>
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
        <source>stepping through an iteration</source>
        <translation>正在逐阶段执行一次迭代</translation>
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
        <source>iteration {n}</source>
        <translation>第 {n} 次迭代</translation>
    </message>
    <message>
        <source>{rate} it/s</source>
        <translation>{rate} 次/秒</translation>
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