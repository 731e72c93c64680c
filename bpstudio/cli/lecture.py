"""``bpstudio lecture build|info|export``: prepare a lecture from saved sessions, and read one back.

``build OUT.bplecture --scene S.bpstudio [--select P] [--sample N] [--phase K]
[--view V] [--note T] [--title T] --scene ...`` makes one scene per
``--scene`` group, in order; the options after a ``--scene`` belong to that
scene.  Each session goes through the session file's validator, each choice
is checked against its run (``--select W0[9,9]`` on a 3-5-3 network is
refused with the valid names), and nothing is written unless every scene is
good.  ``info`` prints the scenes (``--json`` writes them for scripts);
``export --png DIR [--svg]`` renders each scene offscreen, ``--pdf [--worksheet]``
makes a handout (or a worksheet with its key) of them, and ``--gif``/``--mp4
--scene K`` animates one (its next iteration phase by phase, or its run
trained from A to B), importing Qt only then.  Every refusal is one line and
exit status 2, made before anything is drawn.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

from bpstudio.cli.options import Parser, UsageError, whole_number, writable_path
from bpstudio.cli.strict_json import strict_dumps
from bpstudio.control.files.lecture_file import MAX_SCENES, Lecture, LectureFileError, load_lecture, save_lecture, scene_from_session
from bpstudio.control.files.safe_write import write_text
from bpstudio.control.files.scene import VIEWS, Scene, SceneError, ViewState
from bpstudio.control.files.session_file import SessionFileError, load_session

USAGE = """\
usage: bpstudio lecture build OUT.bplecture --scene S.bpstudio [--select P] [--sample N] [--phase K]
                              [--view diagram|board|map|landscape] [--note TEXT] [--title TEXT] [--scene ...]
       bpstudio lecture info F.bplecture [--json OUT.json]
       bpstudio lecture export F.bplecture --png DIR [--size WxH] [--svg] | --pdf OUT.pdf [--worksheet] [--lang L]
       bpstudio lecture export F.bplecture --gif OUT.gif | --mp4 OUT.mp4 --scene K [--phases | --from A --to B [--every N]]
                               [--fps N] [--size WxH] [--lang L]
"""
SCENE_OPTIONS = ("--select", "--sample", "--phase", "--view", "--note", "--title")
DEFAULT_SIZE = (1920, 1080)
MAX_SIDE = 7680


class _Help:
    """What ``--help`` and the man page print for the lecture command: its three sub-commands and their options."""

    def format_help(self) -> str:
        parts = [USAGE, scene_parser().format_help(), info_parser().format_help(), export_parser().format_help()]
        return "\n".join(part.rstrip("\n") + "\n" for part in parts)


def build_parser() -> _Help:
    """The lecture command's help, for the man page (its sub-commands parse their own options)."""
    return _Help()


def main(argv: list[str]) -> int:
    if not argv:
        raise UsageError("expected a command: build, info or export (bpstudio lecture --help)")
    if argv[0] in ("-h", "--help", "help"):
        print(USAGE, end="")
        return 0
    command, rest = argv[0], argv[1:]
    if command == "build":
        return build(rest)
    if command == "info":
        return info(rest)
    if command == "export":
        return export(rest)
    raise UsageError(f"unknown lecture command {command!r} (choose from build, info, export)")


# -- build -------------------------------------------------------------------------------
def scene_parser() -> Parser:
    parser = Parser(prog="bpstudio lecture build OUT.bplecture --scene", add_help=False)
    parser.add_argument("session", metavar="S.bpstudio")
    parser.add_argument("--select", metavar="P", help="the parameter chosen, e.g. W0[0,0] (default: the session's own)")
    parser.add_argument("--sample", type=whole_number, metavar="N", help="the training sample shown (default: all samples)")
    parser.add_argument("--phase", type=whole_number, default=0, metavar="K", help="phase K of the next walk, 0 to 6 (0: no walk)")
    parser.add_argument("--view", choices=VIEWS, default="diagram", help="the panel in front (default: diagram)")
    parser.add_argument("--note", default="", metavar="TEXT", help="the teacher's note (plain text)")
    parser.add_argument("--title", default="", metavar="TEXT", help="the scene's title")
    return parser


BUILD_HELP = (
    USAGE.splitlines()[0]
    + "\n"
    + USAGE.splitlines()[1]
    + """

Make a lecture: one scene per --scene group, in order. The options after a --scene belong to that scene:
  --select P       the parameter chosen, by the name the CLI uses (W0[0,0]; the last row of a matrix is the bias;
                   default: the one the session has chosen)
  --sample N       the training sample shown, from 0 (default: all samples)
  --phase K        show phase K of the walk of the next iteration, 0 to 6 for the article's net (default: 0, no walk)
  --view V         the panel in front: diagram, board, map or landscape (default: diagram)
  --note TEXT      the teacher's note, plain text
  --title TEXT     the scene's title
"""
)


def split_scenes(argv: list[str]) -> tuple[str, list[list[str]]]:
    """``OUT --scene A --phase 3 --scene B`` -> ``("OUT", [["A", "--phase", "3"], ["B"]])``.

    Every option takes a value, so a note that reads ``--scene`` stays a note.
    """
    out: str | None = None
    groups: list[list[str]] = []
    tokens = iter(argv)
    for token in tokens:
        name, has_value, value = token.partition("=")
        if name == "--scene":
            path = value if has_value else next(tokens, None)
            if path is None:
                raise UsageError("argument --scene: expected a session file")
            groups.append([path])
        elif name in SCENE_OPTIONS:
            if not groups:
                raise UsageError(f"argument {name}: give it after the --scene it belongs to")
            if not has_value:
                following = next(tokens, None)
                if following is None:
                    raise UsageError(f"argument {name}: expected one value")
                value = following
            groups[-1] += [name, value]
        elif token.startswith("-") and token != "-":
            raise UsageError(f"unrecognized argument: {token}")
        elif out is None and not groups:
            out = token
        else:
            raise UsageError(f"unrecognized argument: {token} (each scene starts with --scene)")
    if out is None:
        raise UsageError("the lecture file to write is missing (bpstudio lecture build OUT.bplecture --scene S.bpstudio ...)")
    if not groups:
        raise UsageError("give at least one --scene S.bpstudio")
    if len(groups) > MAX_SCENES:
        raise UsageError(f"a lecture holds at most {MAX_SCENES} scenes")
    return out, groups


def build(argv: list[str]) -> int:
    if argv[:1] in (["-h"], ["--help"]):
        print(BUILD_HELP, end="")
        return 0
    out, groups = split_scenes(argv)
    parser = scene_parser()
    parsed = [parser.parse_args(group) for group in groups]
    path = writable_path("OUT", out, tuple(args.session for args in parsed))
    assert path is not None
    scenes = [make_scene(number, args) for number, args in enumerate(parsed, start=1)]
    save_lecture(path, scenes)
    return 0


def make_scene(number: int, args: argparse.Namespace) -> Scene:
    where = f"scene {number} ({args.session})"
    try:
        saved = load_session(args.session)
    except SessionFileError as err:
        raise UsageError(f"{where}: {err}") from None
    problem = saved.problem
    assert problem is not None, "load_session builds the problem"
    selected = args.select
    if selected is None and saved.selected_param is not None:
        selected = problem.network.param_name(saved.selected_param)  # the session's own choice
    if args.view == "board" and selected is None:  # kept (a teacher may choose live), but said
        print(
            f"bpstudio lecture build: warning: {where}: --view board without a chosen weight shows an empty board; "
            "add --select P (e.g. --select W0[0,0])",
            file=sys.stderr,
        )
    try:
        view = ViewState(
            title=args.title, note=args.note, selected=selected, sample=args.sample, phase=args.phase, view=args.view
        ).with_changes()
        return scene_from_session(saved, view)
    except SceneError as err:
        raise UsageError(f"{where}: {option_words(str(err))}") from None


def option_words(message: str) -> str:
    """A view-state message as the command line says it: 'selected' is --select."""
    for key, option in (("'selected'", "--select"), ("'sample'", "--sample"), ("'phase'", "--phase"), ("'view'", "--view")):
        message = message.replace(f"a scene's {key}", option).replace(key, option)
    return message.replace("'title'", "--title").replace("'note'", "--note")


# -- info --------------------------------------------------------------------------------
def info_parser() -> Parser:
    parser = Parser(prog="bpstudio lecture info", description="Summarise a .bplecture file's scenes.")
    parser.add_argument("file", metavar="F.bplecture")
    parser.add_argument(
        "--json",
        metavar="OUT.json",
        help='write {"scenes": [{"title", "note", "iteration", "selected", "sample", "phase", "view", "jval"}]}',
    )
    return parser


def open_lecture(path: str) -> Lecture:
    try:
        return load_lecture(path)
    except LectureFileError as err:
        raise UsageError(f"{path}: {err}") from None


def scene_json(scene: Scene) -> dict[str, Any]:
    """The keys ``info --json`` promises; a scene that cannot be rebuilt has null iteration and jval."""
    view = scene.view
    saved = scene.saved
    return {
        "title": view.title,
        "note": view.note,
        "iteration": None if saved is None else saved.snapshot.iteration,
        "selected": view.selected,
        "sample": view.sample,
        "phase": view.phase,
        "view": view.view,
        "jval": None if saved is None else float(saved.snapshot.jval),
    }


def info(argv: list[str]) -> int:
    args = info_parser().parse_args(argv)
    json_path = writable_path("--json", args.json, (args.file,))
    lecture = open_lecture(args.file)
    for number, scene in enumerate(lecture.scenes, start=1):
        if scene.problem is not None:
            print(f"bpstudio lecture: scene {number} cannot be rebuilt: {scene.problem}", file=sys.stderr)
    if json_path is not None:
        write_text(json_path, strict_dumps({"scenes": [scene_json(s) for s in lecture.scenes]}, indent=1, ensure_ascii=False) + "\n")
        return 0
    print(describe(lecture), end="")
    return 0


def describe(lecture: Lecture) -> str:
    from bpstudio.engine.text_safety import escape_control

    lines = [f"BP Studio lecture, {len(lecture.scenes)} scene{'s' if len(lecture.scenes) != 1 else ''}"]
    for number, scene in enumerate(lecture.scenes, start=1):
        data = scene_json(scene)
        title = escape_control(data["title"]) or "(no title)"
        if scene.saved is None:
            lines.append(f"{number:3d}. {title}: cannot be rebuilt ({escape_control(scene.problem or '')})")
            continue
        jval = data["jval"]
        shown = f"{jval:.10g}" if math.isfinite(jval) else str(jval)
        parts = [f"iteration {data['iteration']}", f"JVal {shown}", f"view {data['view']}"]
        if data["selected"]:
            parts.append(f"selected {data['selected']}")
        if data["sample"] is not None:
            parts.append(f"sample {data['sample']}")
        if data["phase"]:
            parts.append(f"phase {data['phase']}")
        lines.append(f"{number:3d}. {title}: " + ", ".join(parts))
    return "\n".join(lines) + "\n"


# -- export ------------------------------------------------------------------------------
ANIMATION_SIZE = (960, 540)
ANIMATION_PIXELS = 400_000_000  # frames x width x height: the frames are held in memory until the file is written
LANGUAGE_CODES = ("en", "zh_CN")

EXPORT_EPILOG = """\
Slides:      --png DIR writes scene-01.png ... (--svg adds scene-01-diagram.svg and, when a parameter is chosen,
             scene-01-formula.svg: the diagram and the typeset chain as vector drawings).
Handouts:    --pdf OUT.pdf, one A4 page per scene: the diagram, the chain typeset with its numbers, the note.
             --worksheet leaves chosen numbers blank (one factor of each path and the chain's result) and prints
             them on a last page headed "Answers" / "答案".
Animations:  --gif OUT.gif (or --mp4 OUT.mp4) --scene K, K counted from 1, and either
             --phases           one frame per phase of the walk of the scene's next iteration (2 x layers + 2:
                                six for the article's net), whatever phase the scene shows; default 1 frame a second
             --from A --to B    the run trained from iteration A to B (A at least the scene's own iteration), a frame
                                every --every N iterations and one at B; without --every about 50 frames; the diagram,
                                the JVal curve and, on 2-D data, the decision map; default 10 frames a second
             MP4 needs an H.264 encoder: ffmpeg on the PATH, or pip install 'bpstudio[video]'.
Language:    --lang en|zh_CN sets the language of every scene (default: each scene's own, else English).
"""


def export_parser() -> Parser:
    parser = Parser(
        prog="bpstudio lecture export",
        description="Render a lecture's scenes offscreen: slides, a handout, an animation.",
        epilog=EXPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="F.bplecture")
    out = parser.add_mutually_exclusive_group(required=True)
    out.add_argument("--png", metavar="DIR", help="write one PNG per scene, scene-01.png ..., into DIR (created)")
    out.add_argument("--pdf", metavar="OUT.pdf", help="write a handout: one page per scene, its chain typeset beside the diagram")
    out.add_argument("--gif", metavar="OUT.gif", help="write an animated GIF of the scene --scene K")
    out.add_argument("--mp4", metavar="OUT.mp4", help="write an MP4 video of the scene --scene K (needs an encoder)")
    parser.add_argument(
        "--size", type=image_size, default=None, metavar="WxH", help="the PNGs' size (default: 1920x1080; animations 960x540)"
    )
    parser.add_argument("--svg", action="store_true", help="with --png: also each scene's diagram and formula as SVG")
    parser.add_argument("--worksheet", action="store_true", help="with --pdf: blanks for chosen numbers, the answers on the last page")
    parser.add_argument("--lang", choices=LANGUAGE_CODES, default=None, help="the language of every scene (default: each scene's own)")
    animation = parser.add_argument_group("animations (--gif, --mp4)")
    animation.add_argument("--scene", type=whole_number, metavar="K", help="the scene to animate, from 1")
    animation.add_argument("--phases", action="store_true", help="walk the scene's next iteration, one frame per phase")
    animation.add_argument("--from", dest="start", type=whole_number, metavar="A", help="train from iteration A ...")
    animation.add_argument("--to", dest="stop", type=whole_number, metavar="B", help="... to iteration B")
    animation.add_argument("--every", type=whole_number, metavar="N", help="a frame every N iterations (default: about 50 frames)")
    animation.add_argument(
        "--fps", type=whole_number, metavar="N", help="frames a second, 1 to 50 (default: 1 for --phases, 10 for --from)"
    )
    return parser


def image_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size like 1920x1080, got {text!r}") from None
    if not all(320 <= side <= MAX_SIDE for side in size):
        raise argparse.ArgumentTypeError(f"each side must be from 320 to {MAX_SIDE} pixels, got {text!r}")
    return size


def _only_with(args: argparse.Namespace) -> None:
    """Options that belong to one kind of export are refused with another, naming the kind they belong to."""
    animated = args.gif is not None or args.mp4 is not None
    if args.size is not None and args.pdf is not None:
        raise UsageError("argument --size: only with --png, --gif or --mp4 (a handout's pages are A4)")
    if args.svg and args.png is None:
        raise UsageError("argument --svg: only with --png")
    if args.worksheet and args.pdf is None:
        raise UsageError("argument --worksheet: only with --pdf")
    if not animated:
        for name, value in (
            ("--scene", args.scene),
            ("--from", args.start),
            ("--to", args.stop),
            ("--every", args.every),
            ("--fps", args.fps),
        ):
            if value is not None:
                raise UsageError(f"argument {name}: only with --gif or --mp4")
        if args.phases:
            raise UsageError("argument --phases: only with --gif or --mp4")


def export(argv: list[str]) -> int:
    args = export_parser().parse_args(argv)
    _only_with(args)
    if args.gif is not None or args.mp4 is not None:
        return export_animation(args)
    if args.pdf is not None:
        pdf = writable_path("--pdf", args.pdf, (args.file,))
        lecture = open_lecture(args.file)
        if all(scene.saved is None for scene in lecture.scenes):
            raise UsageError(f"{args.file}: no scene can be rebuilt, so there is nothing to print")
        start_qt()
        from bpstudio.qt.files.scene_slides import export_pdf

        assert pdf is not None
        skipped = export_pdf(lecture, pdf, worksheet=args.worksheet, language=args.lang)
    else:
        folder = Path(args.png)
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"argument --png: {args.png} exists and is not a folder")
        lecture = open_lecture(args.file)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise UsageError(f"argument --png: cannot create {args.png} ({err.strerror or err})") from None
        start_qt()
        from bpstudio.qt.files.scene_slides import export_png

        skipped = export_png(lecture, folder, args.size or DEFAULT_SIZE, svg=args.svg, language=args.lang)
    for number, reason in skipped:
        print(f"bpstudio lecture export: scene {number} skipped: it cannot be rebuilt ({reason})", file=sys.stderr)
    return 0


def export_animation(args: argparse.Namespace) -> int:
    """``--gif``/``--mp4``: every refusal is made before the first frame is drawn."""
    option, target = ("--gif", args.gif) if args.gif is not None else ("--mp4", args.mp4)
    if args.scene is None:
        raise UsageError(f"argument --scene: {option} needs the scene to animate (--scene K, from 1)")
    training = args.start is not None or args.stop is not None
    if args.phases == training:
        raise UsageError(f"{option}: give --phases or --from A --to B (one of the two)")
    if training and (args.start is None or args.stop is None):
        raise UsageError("--from and --to go together: --from A --to B")
    if args.every is not None and not training:
        raise UsageError("argument --every: only with --from A --to B")
    for name, value, low, high in (("--every", args.every, 1, 10**9), ("--fps", args.fps, 1, 50), ("--scene", args.scene, 1, 10**9)):
        if value is not None and not low <= value <= high:
            raise UsageError(
                f"argument {name}: must be from {low} to {high}" if high < 10**9 else f"argument {name}: must be {low} or more"
            )
    if training and min(args.start, args.stop) < 0:
        raise UsageError("--from and --to are iterations: 0 or more")
    encoder = None
    if args.mp4 is not None:
        from bpstudio.figures.animation_files import MP4_MISSING, mp4_encoder

        encoder = mp4_encoder()
        if encoder is None:
            raise UsageError(MP4_MISSING)
    path = writable_path(option, target, (args.file,))
    assert path is not None
    lecture = open_lecture(args.file)
    count = len(lecture.scenes)
    if args.scene > count:
        raise UsageError(f"argument --scene: the lecture has {count} scene{'s' if count != 1 else ''}; scenes count from 1")
    scene = lecture.scenes[args.scene - 1]
    where = f"scene {args.scene}"
    if scene.saved is None:
        raise UsageError(f"{where} cannot be rebuilt: {scene.problem}")
    size = args.size or ANIMATION_SIZE
    every = 0
    if training:
        from bpstudio.control.files.scene_training import check_range, default_every, frame_iterations

        every = args.every or default_every(args.start, args.stop)
        problem = check_range(scene, args.start, args.stop, every)
        if problem is not None:
            raise UsageError(f"{where}: {problem}")
        frames = len(frame_iterations(args.start, args.stop, every))
    else:
        stopped = scene.saved.snapshot.stop_reason
        if stopped is not None:
            raise UsageError(f"{where}: its run has stopped ({stopped}): it has no next iteration to walk")
        frames = 2 * scene.network.n_layers + 2
    if frames * size[0] * size[1] > ANIMATION_PIXELS:
        raise UsageError(
            f"{frames} frames of {size[0]}x{size[1]} are more than an animation may hold: fewer frames (--every) or a smaller --size"
        )
    start_qt()
    from bpstudio.qt.files.scene_animation import write_animation

    made = write_animation(
        scene, args.scene, path, size, fps=args.fps, phases=args.phases, span=(args.start, args.stop, every) if training else None,
        language=args.lang, encoder=encoder,
    )  # fmt: skip
    if made.stopped_at is not None:
        print(
            f"bpstudio lecture export: the run stopped ({made.stop_reason}) at iteration {made.stopped_at}; the animation ends there",
            file=sys.stderr,
        )
    return 0


def start_qt() -> None:
    """Start Qt offscreen (only here: build and info never load it)."""
    import os

    if "PySide6" not in sys.modules:
        # Qt's hashes are seeded at random per process, and a PDF's embedded fonts come out in
        # hash order: a fixed seed, set before Qt loads, gives the same bytes every time.
        os.environ["QT_HASH_SEED"] = "0"
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no window: the same pixels with or without a display
        QApplication(["bpstudio"])
