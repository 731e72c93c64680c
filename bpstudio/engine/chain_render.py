"""The chain of a parameter as text, LaTeX (for slides) or HTML (for Qt rich text).

One walker over the factored form serves all three formats; only the way a
symbol, a fraction and a product sign are written differs.  How many digits a
number keeps is the caller's (``rounded``: View ▸ Digits, the CLI's ``--digits``,
through the control layer's number format); without one, four significant digits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bpstudio.engine.chain import ChainNumbers, Factor, FactoredForm, InfluenceChain, Named, Product, Sum
from bpstudio.engine.graph import Edge, Node

_LINK_NAMES = {"parameter": "linear (weight)", "weight": "linear", "activation": "non-linear", "loss": "loss", "penalty": "penalty"}


Rounded = Callable[[float], str]  # a finite value rounded, as %g writes it ("-0.001235", "1.5e-07")
# Given a line's numbers as written (LaTeX) and its value: do the written numbers miss the value as shown?
# Then the line says ≈ instead of = before its value (the caller's rule, View ▸ Digits' honest rows).
Approx = Callable[[str, float], bool]


def _four_digits(value: float) -> str:
    return f"{value:.4g}"


class _Style:
    def __init__(self, fmt: str, rounded: Rounded | None = None) -> None:
        if fmt not in ("text", "latex", "html"):
            raise ValueError(f"unknown format {fmt!r}")
        self.fmt = fmt
        self.rounded = rounded or _four_digits
        self.dot = {"text": " · ", "latex": r" \cdot ", "html": " · "}[fmt]
        self.open, self.close = {"text": ("(", ")"), "latex": (r"\left(", r"\right)"), "html": ("(", ")")}[fmt]

    def frac(self, top: str, bottom: str) -> str:
        if self.fmt == "latex":
            return rf"\frac{{\partial {top}}}{{\partial {bottom}}}"
        return f"∂{top}/∂{bottom}"

    def number(self, value: float) -> str:
        """Rounded (four significant digits unless told); a negative one in parentheses; a product of zeros never "−0"."""
        value = float(value) + 0.0  # -0.0 + 0.0 is 0.0
        text = self.rounded(value)
        if self.fmt == "latex":
            if "e" in text:
                mantissa, exponent = text.split("e")
                text = rf"{mantissa}\times 10^{{{int(exponent)}}}"
            return f"({text})" if value < 0 else text
        if value < 0:
            return f"({text.replace('-', '−')})"
        return text


def _name(node: Node, chain: InfluenceChain, style: _Style) -> str:
    return chain.display(node, style.fmt)


def _symbol(term: Factor | Named | Sum | Product, chain: InfluenceChain, style: _Style) -> str:
    if isinstance(term, Factor):
        return style.frac(_name(term.edge.target, chain, style), _name(term.edge.source, chain, style))
    if isinstance(term, Named):
        return style.frac("L", _name(term.node, chain, style))
    if isinstance(term, Sum):
        inner = " + ".join(_symbol(b, chain, style) for b in term.branches)
        return f"{style.open}{inner}{style.close}"
    return style.dot.join(_symbol(t, chain, style) for t in term.terms)


def _numbers(term: Factor | Named | Sum | Product, numbers: ChainNumbers, style: _Style) -> str:
    if isinstance(term, Factor):
        return style.number(numbers.edge_values[term.edge])
    if isinstance(term, Named):
        return style.number(numbers.node_gradients[term.node])
    if isinstance(term, Sum):
        inner = " + ".join(_numbers(b, numbers, style) for b in term.branches)
        return f"{style.open}{inner}{style.close}"
    return style.dot.join(_numbers(t, numbers, style) for t in term.terms)


def factored_lines(
    chain: InfluenceChain,
    fmt: str = "text",
    numbers: ChainNumbers | None = None,
    rounded: Rounded | None = None,
    approx: Approx | None = None,
) -> list[str]:
    """``dL/dw = ...`` and one line per named sub-expression; with numbers when given."""
    style = _Style(fmt, rounded)
    written = _Style("latex", rounded)
    form: FactoredForm = chain.factored
    lines = []
    entries = [(form.param, form.expression)] + list(form.definitions)
    for node, product in entries:
        lhs = style.frac("L", _name(node, chain, style))
        line = f"{lhs} = {_symbol(product, chain, style)}"
        if numbers is not None:
            value = numbers.node_gradients[node]
            sign = "="
            if approx is not None and approx(_numbers(product, numbers, written), value):
                sign = r"\approx" if fmt == "latex" else "≈"
            line += f" = {_numbers(product, numbers, style)} {sign} {style.number(value)}"
        lines.append(line)
    return lines


def link_description(edge: Edge, chain: InfluenceChain, fmt: str = "text") -> str:
    style = _Style(fmt)
    arrow = {"text": " → ", "latex": r" \rightarrow ", "html": " → "}[fmt]
    return f"{_name(edge.source, chain, style)}{arrow}{_name(edge.target, chain, style)}"


def render_text(
    chain: InfluenceChain, numbers: ChainNumbers | None = None, rounded: Rounded | None = None, approx: Approx | None = None
) -> str:
    name = chain.display
    out = [f"Loss-influence chain of {name(chain.param)}  [{chain.name}]", ""]
    out.append(f"links ({len(chain.edges)}):")
    for edge in chain.edges:
        desc = link_description(edge, chain)
        frac = _Style("text").frac(name(edge.target), name(edge.source))
        kind = _LINK_NAMES[edge.kind]
        if edge.kind == "parameter" and chain.net.is_bias(edge.source.layer, edge.source.index):
            kind = "linear (bias)"
        line = f"  {desc:<26} {kind:<16} {frac}"
        if numbers is not None:
            kind = "" if numbers.sample is not None else "mean "
            line += f" = {kind}{numbers.edge_values[edge]:.6g}"
        out.append(line)
    names: Callable[[Iterable[Node]], str] = lambda nodes: ", ".join(name(n) for n in nodes) or "none"  # noqa: E731
    out += ["", f"sources (branches summed here): {names(chain.sources)}", f"sinks (several links arrive):   {names(chain.sinks)}", ""]
    out.append("factored chain rule (sums at the sources):")
    sample_numbers = numbers if numbers and numbers.sample is not None else None
    out += [f"  {line}" for line in factored_lines(chain, "text", sample_numbers, rounded, approx)]
    if numbers is None:
        return "\n".join(out) + "\n"
    where = f"sample {numbers.sample}" if numbers.sample is not None else "summed over the data set"
    shown = len(numbers.paths)
    out += ["", f"paths ({numbers.paths_total}; {shown} listed), values {where}:"]
    shares = numbers.path_shares()
    for i, path in enumerate(numbers.paths, 1):
        route = " → ".join(name(n) for n in path.nodes)
        share = f"   {100 * shares[i - 1]:.1f} %" if shares is not None else ""
        out.append(f"  {i:>3}. {route}   {path.value:.6g}{share}")
    if shares is None and numbers.paths:
        out.append("  (no shares: the paths nearly cancel, their total is small against their sizes)")
    if numbers.paths_total > shown:
        out.append(f"  ... and {numbers.paths_total - shown} more paths")
    out += [
        "",
        f"gradient ∂L/∂{name(chain.param)} ({where}):",
        f"  chain (factored form)  {numbers.chain_gradient:.12g}",
        f"  backprop               {numbers.backprop_gradient:.12g}   rel. diff {numbers.chain_error:.1e}",
        f"  finite difference      {numbers.numeric_gradient:.12g}   rel. diff {numbers.numeric_error:.1e}",
        "",
        "per output: " + ", ".join(f"{k} {v:.6g}" for k, v in numbers.per_output.items()),
    ]
    return "\n".join(out) + "\n"


def render_latex(
    chain: InfluenceChain, numbers: ChainNumbers | None = None, rounded: Rounded | None = None, approx: Approx | None = None
) -> str:
    """An ``align*`` block in the article's notation, ready to paste into slides."""
    lines = factored_lines(chain, "latex", numbers if numbers and numbers.sample is not None else None, rounded, approx)
    body = " \\\\\n".join(line.replace(" = ", " &= ", 1) for line in lines)
    links = " \\\\\n".join(f"& {link_description(e, chain, 'latex')}" for e in chain.edges)
    return (
        "% loss-influence chain of " + chain.name + "\n"
        "\\begin{align*}\n" + links + "\n\\end{align*}\n"
        "\\begin{align*}\n" + body + "\n\\end{align*}\n"
    )


def render_html(chain: InfluenceChain, numbers: ChainNumbers | None = None) -> str:
    """Qt rich text: the factored formula, with numbers when a sample is given."""
    parts = [f"<p>{line}</p>" for line in factored_lines(chain, "html", numbers if numbers and numbers.sample is not None else None)]
    return "".join(parts)


def render_markdown(
    chain: InfluenceChain, numbers: ChainNumbers | None = None, rounded: Rounded | None = None, approx: Approx | None = None
) -> str:
    """A handout section: the links, the factored formula (LaTeX math) and the paths."""
    out = [f"## Loss-influence chain of ${chain.display(chain.param, 'latex')}$ (`{chain.name}`)", ""]
    out.append("| link | kind |")
    out.append("| --- | --- |")
    for edge in chain.edges:
        out.append(f"| ${link_description(edge, chain, 'latex')}$ | {_LINK_NAMES[edge.kind]} |")
    names: Callable[[Iterable[Node]], str] = lambda nodes: ", ".join(f"${chain.display(n, 'latex')}$" for n in nodes) or "none"  # noqa: E731
    out += ["", f"**Sources** (branches summed): {names(chain.sources)}  ", f"**Sinks**: {names(chain.sinks)}", ""]
    for line in factored_lines(chain, "latex", numbers if numbers and numbers.sample is not None else None, rounded, approx):
        out += ["$$", line, "$$", ""]
    if numbers is not None:
        where = f"sample {numbers.sample}" if numbers.sample is not None else "summed over the data set"
        out += [f"| path | value ({where}) |", "| --- | ---: |"]
        for path in numbers.paths:
            route = r" \to ".join(chain.display(n, "latex") for n in path.nodes)
            out.append(f"| ${route}$ | {path.value:.6g} |" if rounded is None else f"| ${route}$ | {rounded(path.value + 0.0)} |")
        if numbers.paths_total > len(numbers.paths):
            out.append(f"| … and {numbers.paths_total - len(numbers.paths)} more | |")
        out += [
            "",
            f"Chain sum {numbers.chain_gradient:.10g}; backprop {numbers.backprop_gradient:.10g}; "
            f"finite difference {numbers.numeric_gradient:.10g}.",
            "",
        ]
    return "\n".join(out)
