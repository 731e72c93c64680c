"""Every node's value and dL/dnode for one sample: what clicking a node shows."""

from __future__ import annotations

import numpy as np

from bpstudio.engine.data import Dataset
from bpstudio.engine.network import Network
from bpstudio.engine.propagation import augmented_inputs, backward, forward, output_loss


def node_values(net: Network, weights: np.ndarray, data: Dataset, sample: int) -> dict[str, tuple[float, float]]:
    """``{node name: (value, dL/dnode)}`` for sample ``sample``; bias nodes are 1 with no gradient."""
    if not 0 <= sample < data.n_samples:
        raise IndexError(f"sample {sample} is outside 0..{data.n_samples - 1}")
    x = data.inputs[sample : sample + 1]
    t = np.ascontiguousarray(data.targets[sample : sample + 1].T)
    mats = net.layers(np.asarray(weights, dtype=float))
    passes = forward(net, mats, augmented_inputs(x))
    output, record = passes[-1], net.loss_record
    loss = float(record.per_sample(output.pre, output.post, t, net.output_activation)[0])
    residual = record.output_gradient(output.post, t, net.output_activation)
    grads = backward(net, mats, passes, residual, None if net.is_plain_mse else output_loss(net, passes[-1], t)[1])
    out: dict[str, tuple[float, float]] = {}
    for i, value in enumerate(x[0]):
        out[f"O0[{i}]"] = (float(value), float("nan"))
    last = net.n_layers - 1
    for layer, (fp, bp) in enumerate(zip(passes, grads, strict=True)):
        for j in range(fp.pre.shape[0]):
            out[f"I{layer + 1}[{j}]"] = (float(fp.pre[j, 0]), float(bp.d_pre[j, 0]))
        if layer > 0:
            assert bp.d_inputs is not None, "backward keeps dL/dO(l) for every layer but the input"
            for i in range(bp.d_inputs.shape[0]):
                name = f"O{layer}[{i}]"
                out[name] = (out[name][0], float(bp.d_inputs[i, 0]))
        for j in range(fp.post.shape[0]):
            name = f"y[{j}]" if layer == last else f"O{layer + 1}[{j}]"
            grad = float(residual[j, 0]) if layer == last else float("nan")
            out[name] = (float(fp.post[j, 0]), grad)
        out[f"B{layer}"] = (1.0, float("nan"))
    out["L"] = (loss, 1.0)
    return out
