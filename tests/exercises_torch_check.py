"""Run by tests/test_exercises.py under a Python with torch: a sheet's answers by autograd and torch.optim.

Usage: python exercises_torch_check.py SHEET.json.  Rebuilds the run from the sheet's ``config`` (the data
and start weights from bpstudio.engine, NumPy only), trains it with torch.optim for ``iteration`` steps,
and prints one line per exercise checked: kind, the sheet's answer, torch's.
"""

import json
import sys

import torch

from bpstudio.engine.config import RunConfig

torch.set_default_dtype(torch.float64)
with open(sys.argv[1], encoding="utf-8") as handle:
    sheet = json.load(handle)["exercises"]
config = RunConfig.from_dict(sheet[0]["config"])
problem = config.problem()
X = torch.tensor(problem.dataset.inputs)
T = torch.tensor(problem.dataset.targets)
sizes = problem.network.sizes
shapes = [(a + 1, b) for a, b in zip(sizes[:-1], sizes[1:], strict=False)]


def mats(w):
    out, at = [], 0
    for r, c in shapes:
        out.append(w[at : at + r * c].reshape(r, c))
        at += r * c
    return out


def logits_of(w, x):
    o = x
    ms = mats(w)
    for i, m in enumerate(ms):
        pre = o @ m[:-1] + m[-1]
        if i < len(ms) - 1:
            o = getattr(torch, config.activation)(pre)
    return pre


def losses(w, rows=None):
    x, t = (X, T) if rows is None else (X[rows], T[rows])
    z = logits_of(w, x)
    if config.loss == "cross-entropy":
        return -(t * torch.log_softmax(z, dim=1)).sum(dim=1)
    y = z if config.output_activation == "identity" else torch.sigmoid(z)
    return 0.5 * ((y - t) ** 2).sum(dim=1)


def grad(rows=None):
    w = weights.detach().clone().requires_grad_(True)
    losses(w, rows).sum().backward()
    return w.grad


w = torch.nn.Parameter(torch.tensor(problem.start))
opt_cls = {
    "adam": lambda p: torch.optim.Adam(p, lr=config.alpha, betas=(config.beta1, config.beta2), eps=config.epsilon),
    "gd": lambda p: torch.optim.SGD(p, lr=config.alpha),
    "momentum": lambda p: torch.optim.SGD(p, lr=config.alpha, momentum=config.beta1, dampening=0),
}[config.optimizer]
opt = opt_cls([w])
history = [w.detach().clone()]
for _ in range(sheet[0]["iteration"]):
    opt.zero_grad()
    losses(w).sum().backward()
    opt.step()
    history.append(w.detach().clone())
weights = history[-1]
names = [f"W{layer}[{r},{c}]" for layer, (rows, cols) in enumerate(shapes) for r in range(rows) for c in range(cols)]
for e in sheet:
    kind = e["kind"]
    index = names.index(e["parameter"]) if e["parameter"] else None
    if kind == "sample-gradient":
        got = grad([e["sample"]])[index]
    elif kind == "sample-sum":
        got = grad()[index]
    elif kind == "nudge":
        got = grad()[index] * e["given"]["Δw"]
    elif kind == f"{config.optimizer}-step" and e["iteration"] > 0 and e["prompt"]["en"].startswith("Iteration"):
        got = history[-1][index] - history[-2][index]
    elif kind == "softmax-ce" and config.loss == "cross-entropy":
        z = logits_of(weights, X[e["sample"] : e["sample"] + 1]).detach().requires_grad_(True)
        target = int(e["given"]["class"]) - 1
        (-torch.log_softmax(z, dim=1)[0, target]).backward()
        asked = e["prompt"]["en"].split("∂L/∂")[-1]  # the logit the question names
        j = next(k for k, name in enumerate(n for n in e["given"] if n != "class") if asked.startswith(name))
        got = z.grad[0, j]
    else:
        continue
    print(kind, repr(e["answer"]), repr(float(got)))
