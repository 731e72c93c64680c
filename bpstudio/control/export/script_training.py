"""The framework part of an exported script: network, gradient, optimizer and training loop.

NumPy: the forward pass keeps each local derivative (the basic links), the
backward pass multiplies along the links and sums at the sources, and the
optimizer is the article's formula, written by hand.

PyTorch: the same network as tensor operations; autograd computes the
gradient and ``torch.optim`` takes the step.  Its Adam adds ε after the
bias-corrected square root, ``sqrt(v) / sqrt(1 - β2^k) + ε``, exactly where
the article puts it, so the step is the article's rule up to rounding; SGD
with ``momentum=β1`` is the heavy-ball rule ``u = β1 u + g``, ``x -= α u``.
Both stay float64 throughout.  Each optimizer's code, in either framework, is
its record's (``numpy_code``, ``torch_code``).

The activation's code and the loss's (from the logits I(L), as the studio computes it, so that
a confident wrong answer costs a large finite number instead of log(0)) come from their records.

Either loop keeps the article's order of the stop tests (see
:mod:`bpstudio.engine.trainer`): ``‖g‖∞ < ζ`` before a step (converged1),
``‖Δx‖∞ < ζ²`` or ``|ΔJ| < ζ²`` after it (converged2).
"""

from __future__ import annotations

from string import Template

from bpstudio.engine.activations import get_activation
from bpstudio.engine.config import RunConfig
from bpstudio.engine.losses import get_loss
from bpstudio.engine.optimizers import RECORDS


def training_section(config: RunConfig, framework: str) -> str:
    """Sections 4 to 6 of the script: network, what is minimised, optimizer, training loop."""
    penalized, batched = bool(config.l1 or config.l2), bool(config.batch_size)
    activation, loss = get_activation(config.activation), get_loss(config.loss)
    if framework == "numpy":
        function, link = activation.numpy_code
        network = _NUMPY_NETWORK.substitute(
            function=function, link=link, activation=config.activation, output_loss=loss.numpy_code[config.output_activation]
        )
        objective = _numpy_objective(penalized, batched)
        return "\n\n".join((network, objective, RECORDS[config.optimizer].numpy_code, _NUMPY_LOOP))
    network = _TORCH_NETWORK.substitute(
        function=activation.torch_code, activation=config.activation, output_loss=loss.torch_code[config.output_activation]
    )
    objective = _torch_objective(penalized, batched)
    return "\n\n".join((network, objective, RECORDS[config.optimizer].torch_code, _TORCH_LOOP))


def _numpy_objective(penalized: bool, batched: bool) -> str:
    """Section 4b: the JVal and gradient the loop uses -- the data term, a penalty, a batch."""
    parts = [_PENALTY_MASK + _NUMPY_PENALTY] if penalized else []
    if batched:
        parts.append(_BATCHES)
    add = (
        ("\n    value, d_value = penalty(w)  # the penalty's branch w -> R -> JVal\n    return jval + value, grad + d_value")
        if penalized
        else "\n    return jval, grad"
    )
    parts.append((_NUMPY_BATCH_OBJECTIVE if batched else _NUMPY_FULL_OBJECTIVE).substitute(add=add))
    return "\n\n".join(part.strip("\n") + "\n" for part in parts)


def _torch_objective(penalized: bool, batched: bool) -> str:
    """Section 4b for PyTorch: the loss autograd differentiates, and the whole set's JVal."""
    parts = [_PENALTY_MASK + _TORCH_PENALTY] if penalized else []
    if batched:
        parts.append(_BATCHES)
    plus = " + penalty(w)" if penalized else ""
    parts.append((_TORCH_BATCH_OBJECTIVE if batched else _TORCH_FULL_OBJECTIVE).substitute(plus=plus))
    return "\n\n".join(part.strip("\n") + "\n" for part in parts)


_PENALTY_MASK = '''\
# -- 4b. What is minimised: JVal plus the penalty R ------------------------------------------------
# R = L1 * sum |w| + L2 / 2 * sum w^2 over the non-bias weights: the bias (the last row of each
# W~) is left free, since shrinking it does not make the function any simpler.
WEIGHT_MASK = np.ones(N_PARAMS)
for end, (rows, cols) in zip(OFFSETS[1:], SHAPES):
    WEIGHT_MASK[end - cols:end] = 0.0  # the bias row of this W~
'''

_NUMPY_PENALTY = '''

def penalty(w):
    """(R, dR/dw); dR/dw = L1 sign(w) + L2 w, and L1's derivative at w = 0 exactly is taken as 0."""
    masked = w * WEIGHT_MASK
    return (L1 * float(np.sum(np.abs(masked))) + 0.5 * L2 * float(np.dot(masked, masked)),
            L1 * np.sign(masked) + L2 * masked)
'''

_TORCH_PENALTY = '''

def penalty(w):
    """R as a tensor; autograd's d|w|/dw is sign(w), 0 at w = 0 exactly, as the studio takes it."""
    masked = w * torch.from_numpy(WEIGHT_MASK)
    return L1 * masked.abs().sum() + 0.5 * L2 * (masked * masked).sum()
'''

_BATCHES = '''\
# -- 4c. Mini-batches: which samples step k's gradient is taken on ---------------------------------
_ORDERS = {}  # epoch -> its shuffled order of the samples


def batch_rows(k, n):
    """Batch k (k = 0, 1, ...) of the training samples, or None for the whole set.

    The samples are dealt out in a new seeded random order each epoch (the last
    batch of an epoch may be smaller); batch k depends on k and SEED alone.
    """
    if not 0 < BATCH_SIZE < n:
        return None
    epoch, position = divmod(k, -(-n // BATCH_SIZE))
    if epoch not in _ORDERS:
        _ORDERS.clear()
        _ORDERS[epoch] = np.random.RandomState((SEED * 31 + epoch + 104729) % 2**32).permutation(n)
    return np.sort(_ORDERS[epoch][position * BATCH_SIZE:(position + 1) * BATCH_SIZE])
'''

_NUMPY_FULL_OBJECTIVE = Template('''\
def objective(w, inputs, targets, k):
    """JVal and the gradient the step after iteration k uses: both over the whole training set."""
    jval, grad = jval_and_gradient(w, inputs, targets)$add


def gradient_converged(w, grad, k, inputs, targets):
    """converged1: ||g||_inf < ZETA."""
    return np.max(np.abs(grad)) < ZETA
''')

_NUMPY_BATCH_OBJECTIVE = Template('''\
def objective(w, inputs, targets, k):
    """JVal of the whole training set (what the stop tests and the printout watch), and the
    gradient of batch k, times n / batch length so that it stands for the whole set's sum."""
    rows = batch_rows(k, len(inputs))
    if rows is None:
        jval, grad = jval_and_gradient(w, inputs, targets)
    else:
        _, grad = jval_and_gradient(w, inputs[rows], targets[rows])
        jval, grad = jval_only(w, inputs, targets), grad * (len(inputs) / len(rows))$add


def whole_set(w, inputs, targets):
    """JVal and its gradient over the whole training set."""
    jval, grad = jval_and_gradient(w, inputs, targets)$add


def gradient_converged(w, grad, k, inputs, targets):
    """converged1 tests the whole set's gradient, never one batch's (which can be tiny where the
    whole set's is not); it is computed when the batch's is below ZETA, and once per epoch."""
    n = len(inputs)
    if batch_rows(k, n) is not None:
        if np.max(np.abs(grad)) >= ZETA and k % -(-n // BATCH_SIZE):
            return False
        grad = whole_set(w, inputs, targets)[1]
    return np.max(np.abs(grad)) < ZETA
''')


_TORCH_FULL_OBJECTIVE = Template('''\
def objective(w, inputs, targets, k):
    """(what autograd differentiates, JVal): here both are JVal over the whole training set."""
    loss = jval(w, inputs, targets)$plus
    return loss, loss


def gradient_converged(w, k, inputs, targets):
    """converged1: ||g||_inf < ZETA."""
    return w.grad.abs().max().item() < ZETA
''')

_TORCH_BATCH_OBJECTIVE = Template('''\
def objective(w, inputs, targets, k):
    """(what autograd differentiates, JVal): batch k's JVal times n / batch length, so that
    its gradient stands for the whole set's; and the whole training set's JVal, which the stop
    tests and the printout watch."""
    rows = batch_rows(k, len(inputs))
    if rows is None:
        loss = jval(w, inputs, targets)$plus
        return loss, loss
    index = torch.from_numpy(rows)
    with torch.no_grad():
        whole = jval(w, inputs, targets)$plus
    return jval(w, inputs[index], targets[index]) * (len(inputs) / len(rows))$plus, whole


def gradient_converged(w, k, inputs, targets):
    """converged1 tests the whole set's gradient, never one batch's (which can be tiny where the
    whole set's is not); it is computed when the batch's is below ZETA, and once per epoch."""
    n = len(inputs)
    if batch_rows(k, n) is None or (w.grad.abs().max().item() >= ZETA and k % -(-n // BATCH_SIZE)):
        return w.grad.abs().max().item() < ZETA
    (whole,) = torch.autograd.grad(jval(w, inputs, targets)$plus, w)
    return whole.abs().max().item() < ZETA
''')


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


$output_loss


def jval_and_gradient(w, inputs, targets):
    """JVal and dJVal/dw over all samples: forward computes the basic links, backward chains them."""
    W = layers(w)
    O_aug = [augment(inputs)]  # O~(0)
    links = []
    for l, W_l in enumerate(W):
        I = O_aug[l] @ W_l  # the linear link I(l+1) = O~(l) W~(l)
        if l == len(W) - 1:
            logits = I  # the output layer's I(L); its link and the loss are output_loss's
        else:
            O = f(I)  # the non-linear link O(l+1) = f(I(l+1))
            links.append(f_link(I, O))
            O_aug.append(augment(O))
    jval, d_I = output_loss(logits, targets)  # JVal (a sum over samples) and dJVal/dI(L)
    grads = [None] * len(W)
    for l in reversed(range(len(W))):
        if l < len(W) - 1:
            d_I = d_O * links[l]  # through the non-linear link
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
    return output_loss(O_aug, targets)[0]
''')

_NUMPY_LOOP = '''\
# -- 6. Training, with the article's two stop tests -------------------------------------------------
def train(w, train_set, test_set, max_iter, print_every):
    """The article's get_solu loop, for k = 1, 2, ...:

        if ||g||_inf < ZETA: stop (converged1)                     -- before the step
        x_new = step(x, g, k); J_new = JVal(x_new)
        if ||x_new - x||_inf < ZETA^2 or |J_new - J| < ZETA^2: stop (converged2)
    """
    inputs, targets = train_set
    jval, grad = objective(w, inputs, targets, 0)
    result = {"jval": [jval], "iterations": 0, "stop_reason": None}
    if test_set is not None:
        result["test_jval"] = [jval_only(w, *test_set)]
    optimizer = Optimizer()
    k = 0
    print(f"iteration {k:>7}  JVal = {jval:.12g}")
    reason = "diverged" if not math.isfinite(jval) else None
    with np.errstate(over="ignore", invalid="ignore"):  # a divergence is a stop reason, not a warning
        while reason is None:
            if gradient_converged(w, grad, k, inputs, targets):
                reason = "converged1"
                break
            if k >= max_iter:
                reason = "max_iter"
                break
            w_new = optimizer.step(w, grad, k + 1)
            jval_new, grad_new = objective(w_new, inputs, targets, k + 1)
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


$output_loss


def jval(w, inputs, targets):
    """JVal, a sum over the samples (see output_loss)."""
    O_aug = augment(inputs)  # O~(0)
    W = layers(w)
    for l, W_l in enumerate(W):
        I = O_aug @ W_l  # the linear link I(l+1) = O~(l) W~(l)
        O_aug = augment(f(I)) if l < len(W) - 1 else I  # I(L): output_loss applies the output link
    return output_loss(O_aug, targets)
''')

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

    def evaluate(k):
        """JVal at w; leaves in w.grad the gradient the step after iteration k uses."""
        optimizer.zero_grad()
        loss, value = objective(w, inputs, targets, k)
        loss.backward()
        return value.item()

    def test_jval():
        with torch.no_grad():
            return jval(w, *test).item()

    value = evaluate(0)
    result = {"jval": [value], "iterations": 0, "stop_reason": None}
    if test is not None:
        result["test_jval"] = [test_jval()]
    k = 0
    print(f"iteration {k:>7}  JVal = {value:.12g}")
    reason = "diverged" if not math.isfinite(value) else None
    while reason is None:
        if gradient_converged(w, k, inputs, targets):
            reason = "converged1"
            break
        if k >= max_iter:
            reason = "max_iter"
            break
        before = w.detach().clone()
        optimizer.step()  # x_new from x and the gradient at x
        value_new = evaluate(k + 1)  # J_new and the gradient at x_new
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
