"""Directions through weight space for the landscape, and the projection of a path onto them.

Li et al. (2018, "Visualizing the Loss Landscape of Neural Nets") draw a
Gaussian direction and rescale each *filter* of it to the norm of the
matching filter of the weights, so that a step of one unit moves every part
of the network by its own size and pictures of different networks compare.
For a dense layer a filter is one unit's incoming weights; in the article's
notation that is a column of the augmented matrix W~(l) — the bias included,
because the article treats the bias as one more weight fed by the constant 1
node.
"""

from __future__ import annotations

import numpy as np

from bpstudio.engine.network import Network


def unit_direction(net: Network, param: int) -> np.ndarray:
    """The direction that moves one parameter alone."""
    direction = np.zeros(net.n_params)
    direction[param] = 1.0
    return direction


def filter_normalised_directions(net: Network, weights: np.ndarray, count: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` random directions ``(count, n_params)``, each column rescaled to its weights' norm.

    A unit whose incoming weights are all zero gets a zero column: there is
    no size to copy.
    """
    weight_layers = net.layers(np.asarray(weights, dtype=float))
    out = np.empty((count, net.n_params))
    for k in range(count):
        direction = rng.standard_normal(net.n_params)
        for matrix, target in zip(net.layers(direction), weight_layers, strict=True):
            norms = np.linalg.norm(matrix, axis=0)
            matrix *= np.linalg.norm(target, axis=0) / np.where(norms > 0, norms, 1.0)
        out[k] = direction
    return out


def project_onto_plane(points: np.ndarray, origin: np.ndarray, directions: np.ndarray) -> np.ndarray:
    """Coordinates ``(a, b)`` of the points nearest to ``points`` on ``origin + a d1 + b d2``.

    Least squares, so non-orthogonal directions are handled; for two unit
    directions of parameters it is simply those two coordinates' history
    minus their current values.
    """
    points = np.atleast_2d(np.asarray(points, dtype=float))
    if points.size == 0:
        return np.empty((0, len(directions)))
    gram = directions @ directions.T
    return np.linalg.solve(gram, directions @ (points - origin).T).T
