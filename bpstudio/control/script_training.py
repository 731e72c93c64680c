"""The framework part of an exported script: network, gradient, optimizer and training loop.

NumPy: the forward pass keeps each local derivative (the basic links), the
backward pass multiplies along the links and sums at the sources, and the
optimizer is the article's formula, written by hand.

PyTorch: the same network as tensor operations; autograd computes the
gradient and ``torch.optim`` takes the step.  Its Adam adds ε after the
bias-corrected square root, ``sqrt(v) / sqrt(1 - β2^k) + ε``, exactly where
the article puts it, so the step is the article's rule up to rounding; SGD
with ``momentum=β1`` is the heavy-ball rule ``u = β1 u + g``, ``x -= α u``.
Both stay float64 throughout.

Either loop keeps the article's order of the stop tests (see
:mod:`bpstudio.engine.trainer`): ``‖g‖∞ < ζ`` before a step (converged1),
``‖Δx‖∞ < ζ²`` or ``|ΔJ| < ζ²`` after it (converged2).
"""
from __future__ import annotations

from string import Template

from ..engine.config import RunConfig

_NUMPY_ACTIVATIONS = {
    "tanh": ("np.tanh(I)", "1.0 - O * O  # the article's 1 - I1_tanh ** 2"),
    # 0.5 (1 + tanh(I/2)) is the logistic function, and never overflows as 1 / (1 + exp(-I)) can
    "sigmoid": ("0.5 * (1.0 + np.tanh(I * 0.5))", "O * (1.0 - O)"),
    "relu": ("np.maximum(I, 0.0)", "(I > 0).astype(float)"),
    "identity": ("I", "1.0"),
}
_TORCH_ACTIVATIONS = {
    "tanh": "torch.tanh(I)",
    "sigmoid": "torch.sigmoid(I)",
    "relu": "torch.relu(I)",
    "identity": "I",
}


def training_section(config: RunConfig, framework: str) -> str:
    """Sections 4 to 6 of the script: network, optimizer, training loop."""
    if framework == "numpy":
        function, link = _NUMPY_ACTIVATIONS[config.activation]
        network = _NUMPY_NETWORK.substitute(function=function, link=link, activation=config.activation)
        return "\n\n".join((network, _NUMPY_OPTIMIZERS[config.optimizer], _NUMPY_LOOP))
    network = _TORCH_NETWORK.substitute(function=_TORCH_ACTIVATIONS[config.activation], activation=config.activation)
    return "\n\n".join((network, _TORCH_OPTIMIZERS[config.optimizer], _TORCH_LOOP))


_NUMPY_NETWORK = Template('''\
# -- 4. The network, JVal and backpropagation ------------------------------------------------------
def layers(w):
    """Views of the flat vector as the augmented matrices W~(0), W~(1), ..."""
    return [w[a:b].reshape(shape) for a, b, shape in zip(OFFSETS[:-1], OFFSETS[1:], SHAPES)]


def augment(O):
    """O~ = [O, 1]: the constant 1 that feeds the bias row of the next W~."""
    return np.hstack((O, np.ones((len(O), 1))))


def f(I):
    """The hidden units' non-linear link O = f(I) ($activation)."""
    return $function


def f_link(I, O):
    """Its local derivative dO/dI, the basic link I -> O."""
    return $link


def jval_and_gradient(w, inputs, targets):
    """JVal and dJVal/dw over all samples: forward computes the basic links, backward chains them."""
    W = layers(w)
    O_aug = [augment(inputs)]  # O~(0)
    links = []
    for l, W_l in enumerate(W):
        I = O_aug[l] @ W_l  # the linear link I(l+1) = O~(l) W~(l)
        if l == len(W) - 1:
            y_hat = I  # the output layer is linear
        else:
            O = f(I)  # the non-linear link O(l+1) = f(I(l+1))
            links.append(f_link(I, O))
            O_aug.append(augment(O))
    residual = y_hat - targets  # dL/dy_hat, the basic link y_hat -> L
    jval = 0.5 * float(np.sum(residual * residual))  # JVal: a sum over samples
    grads = [None] * len(W)
    d_O = residual  # dL/dO of the layer being left
    for l in reversed(range(len(W))):
        d_I = d_O if l == len(W) - 1 else d_O * links[l]  # through the non-linear link
        grads[l] = O_aug[l].T @ d_I  # dL/dW~(l), summed over the samples
        d_O = d_I @ W[l][:-1].T  # dL/dO(l): the branches leaving each O_j are summed there (a source)
    return jval, np.concatenate([g.reshape(-1) for g in grads])


def jval_only(w, inputs, targets):
    """JVal alone (for the held-out test set)."""
    O_aug = augment(inputs)
    W = layers(w)
    for l, W_l in enumerate(W):
        I = O_aug @ W_l
        O_aug = augment(f(I)) if l < len(W) - 1 else I
    residual = O_aug - targets
    return 0.5 * float(np.sum(residual * residual))
''')

_NUMPY_OPTIMIZERS = {
    "adam": '''\
# -- 5. The optimizer: the article's Adam ---------------------------------------------------------
class Optimizer:
    """Adam as the article's get_solu writes it: bias-corrected moments, epsilon added after the
    square root of the corrected second moment."""

    def __init__(self):
        self.m = np.zeros(N_PARAMS)
        self.v = np.zeros(N_PARAMS)

    def step(self, x, g, k):  # k counts from 1
        self.m = BETA1 * self.m + (1 - BETA1) * g
        self.v = BETA2 * self.v + (1 - BETA2) * g * g
        m_hat = self.m / (1 - BETA1**k)
        v_hat = self.v / (1 - BETA2**k)
        return x - ALPHA / (np.sqrt(v_hat) + EPSILON) * m_hat
''',
    "momentum": '''\
# -- 5. The optimizer: heavy-ball momentum ----------------------------------------------------------
class Optimizer:
    """u = BETA1 u + g, x - ALPHA u: the velocity u remembers earlier gradients."""

    def __init__(self):
        self.u = np.zeros(N_PARAMS)

    def step(self, x, g, k):
        self.u = BETA1 * self.u + g
        return x - ALPHA * self.u
''',
    "gd": '''\
# -- 5. The optimizer: plain gradient descent -----------------------------------------------------
class Optimizer:
    """x - ALPHA g."""

    def step(self, x, g, k):
        return x - ALPHA * g
''',
}

_NUMPY_LOOP = '''\
# -- 6. Training, with the article's two stop tests -------------------------------------------------
def train(w, train_set, test_set, max_iter, print_every):
    """The article's get_solu loop, for k = 1, 2, ...:

        if ||g||_inf < ZETA: stop (converged1)                     -- before the step
        x_new = step(x, g, k); J_new = JVal(x_new)
        if ||x_new - x||_inf < ZETA^2 or |J_new - J| < ZETA^2: stop (converged2)
    """
    inputs, targets = train_set
    jval, grad = jval_and_gradient(w, inputs, targets)
    result = {"jval": [jval], "iterations": 0, "stop_reason": None}
    if test_set is not None:
        result["test_jval"] = [jval_only(w, *test_set)]
    optimizer = Optimizer()
    k = 0
    print(f"iteration {k:>7}  JVal = {jval:.12g}")
    reason = "diverged" if not math.isfinite(jval) else None
    with np.errstate(over="ignore", invalid="ignore"):  # a divergence is a stop reason, not a warning
        while reason is None:
            if np.max(np.abs(grad)) < ZETA:
                reason = "converged1"
                break
            if k >= max_iter:
                reason = "max_iter"
                break
            w_new = optimizer.step(w, grad, k + 1)
            jval_new, grad_new = jval_and_gradient(w_new, inputs, targets)
            dx = float(np.max(np.abs(w_new - w)))
            if not all(math.isfinite(v) for v in (jval_new, dx, float(np.max(np.abs(grad_new))))):
                reason = "diverged"  # the last finite point is kept
                break
            dj = abs(jval_new - jval)
            w, jval, grad = w_new, jval_new, grad_new
            k += 1
            result["jval"].append(jval)
            if test_set is not None:
                result["test_jval"].append(jval_only(w, *test_set))
            if k % print_every == 0:
                print(f"iteration {k:>7}  JVal = {jval:.12g}")
            if dx < ZETA**2 or dj < ZETA**2:
                reason = "converged2"
    result.update(iterations=k, stop_reason=reason, weights=w.tolist())
    return result
'''

_TORCH_NETWORK = Template('''\
torch.set_default_dtype(torch.float64)  # every tensor float64, as the studio computes
torch.set_num_threads(1)  # the matrices are small: more threads cost more in hand-offs than they save


# -- 4. The network and JVal; autograd does the backward pass -------------------------------------
def layers(w):
    """Views of the flat tensor as the augmented matrices W~(0), W~(1), ..."""
    return [w[a:b].view(shape) for a, b, shape in zip(OFFSETS[:-1], OFFSETS[1:], SHAPES)]


def augment(O):
    """O~ = [O, 1]: the constant 1 that feeds the bias row of the next W~."""
    return torch.cat((O, torch.ones(O.shape[0], 1)), dim=1)


def f(I):
    """The hidden units' non-linear link O = f(I) ($activation)."""
    return $function


def jval(w, inputs, targets):
    """JVal = sum over the samples of 1/2 ||y_hat - y||^2."""
    O_aug = augment(inputs)  # O~(0)
    W = layers(w)
    for l, W_l in enumerate(W):
        I = O_aug @ W_l  # the linear link I(l+1) = O~(l) W~(l)
        O_aug = augment(f(I)) if l < len(W) - 1 else I  # the output layer is linear
    residual = O_aug - targets
    return 0.5 * (residual * residual).sum()
''')

_TORCH_OPTIMIZERS = {
    "adam": '''\
# -- 5. The optimizer: torch.optim.Adam is the article's Adam -------------------------------------
# It keeps m and v, divides them by 1 - beta^k and adds EPSILON after the square root of the
# corrected v -- where the article's get_solu puts it -- so no hand-written step is needed.
def make_optimizer(w):
    return torch.optim.Adam([w], lr=ALPHA, betas=(BETA1, BETA2), eps=EPSILON)
''',
    "momentum": '''\
# -- 5. The optimizer: heavy-ball momentum ----------------------------------------------------------
# torch.optim.SGD with momentum=BETA1 (dampening 0) is u = BETA1 u + g, x - ALPHA u.
def make_optimizer(w):
    return torch.optim.SGD([w], lr=ALPHA, momentum=BETA1)
''',
    "gd": '''\
# -- 5. The optimizer: plain gradient descent, x - ALPHA g ----------------------------------------
def make_optimizer(w):
    return torch.optim.SGD([w], lr=ALPHA)
''',
}

_TORCH_LOOP = '''\
# -- 6. Training, with the article's two stop tests -------------------------------------------------
def train(w0, train_set, test_set, max_iter, print_every):
    """The article's get_solu loop, for k = 1, 2, ...:

        if ||g||_inf < ZETA: stop (converged1)                     -- before the step
        x_new = step(x, g, k); J_new = JVal(x_new)
        if ||x_new - x||_inf < ZETA^2 or |J_new - J| < ZETA^2: stop (converged2)
    """
    inputs, targets = (torch.from_numpy(np.ascontiguousarray(a)) for a in train_set)
    test = None if test_set is None else tuple(torch.from_numpy(np.ascontiguousarray(a)) for a in test_set)
    w = torch.tensor(w0, requires_grad=True)  # all weights, one flat leaf tensor
    optimizer = make_optimizer(w)

    def evaluate():
        """JVal at w; leaves dJVal/dw in w.grad."""
        optimizer.zero_grad()
        loss = jval(w, inputs, targets)
        loss.backward()
        return loss.item()

    def test_jval():
        with torch.no_grad():
            return jval(w, *test).item()

    value = evaluate()
    result = {"jval": [value], "iterations": 0, "stop_reason": None}
    if test is not None:
        result["test_jval"] = [test_jval()]
    k = 0
    print(f"iteration {k:>7}  JVal = {value:.12g}")
    reason = "diverged" if not math.isfinite(value) else None
    while reason is None:
        if w.grad.abs().max().item() < ZETA:
            reason = "converged1"
            break
        if k >= max_iter:
            reason = "max_iter"
            break
        before = w.detach().clone()
        optimizer.step()  # x_new from x and the gradient at x
        value_new = evaluate()  # J_new and the gradient at x_new
        dx = (w.detach() - before).abs().max().item()
        if not all(math.isfinite(v) for v in (value_new, dx, w.grad.abs().max().item())):
            with torch.no_grad():
                w.copy_(before)  # the last finite point is kept
            reason = "diverged"
            break
        dj = abs(value_new - value)
        value = value_new
        k += 1
        result["jval"].append(value)
        if test is not None:
            result["test_jval"].append(test_jval())
        if k % print_every == 0:
            print(f"iteration {k:>7}  JVal = {value:.12g}")
        if dx < ZETA**2 or dj < ZETA**2:
            reason = "converged2"
    result.update(iterations=k, stop_reason=reason, weights=w.detach().tolist())
    return result
'''
