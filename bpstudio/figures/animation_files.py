"""Frames (QImages) into an animated GIF, or an MP4 where an encoder is installed.

The GIF is written by Pillow, a declared dependency, so it works on the plain
install: each frame is reduced to its own 256-colour palette (median cut, no
dithering: the diagram's lines and text stay crisp, and the result does not
depend on anything but the pixels) and the file loops forever.  Pillow folds
a frame identical to the one before into it; the animations never make two
alike (each names its phase or iteration), so a GIF has the frames asked.

MP4 needs an H.264 encoder: an ``ffmpeg`` on the PATH, or the one the
``imageio-ffmpeg`` package ships (``pip install bpstudio[video]``).  The
frames are piped to it raw, and it is asked for bit-exact output with no
encoder tag or date, so the same frames give the same file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QImage

from bpstudio.control.files.safe_write import replacing_path

MP4_MISSING = "MP4 needs an H.264 encoder: install ffmpeg (e.g. apt install ffmpeg) or pip install 'bpstudio[video]' (imageio-ffmpeg)"


def _rgb_bytes(image: QImage) -> tuple[int, int, bytes]:
    """The frame's pixels as packed RGB rows (QImage pads rows to 4 bytes; ffmpeg and Pillow want none)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = bytes(rgb.constBits())
    if stride != width * 3:
        data = b"".join(data[row * stride : row * stride + width * 3] for row in range(height))
    return width, height, data


def write_gif(frames: Iterable[QImage], path: str | os.PathLike[str], fps: float) -> int:
    """Write ``frames`` as a looping GIF at ``fps`` frames a second; returns how many; raises OSError naming ``path``."""
    from PIL import Image

    pictures = []
    for frame in frames:
        width, height, data = _rgb_bytes(frame)
        picture = Image.frombytes("RGB", (width, height), data)
        pictures.append(picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE))
    if not pictures:
        raise OSError(f"could not write {os.fspath(path)}: no frames")
    duration = round(1000 / fps)  # milliseconds; GIF keeps hundredths, so 10 fps and below are exact
    with replacing_path(path) as temp:
        pictures[0].save(
            temp, format="GIF", save_all=True, append_images=pictures[1:], duration=duration, loop=0, optimize=False, disposal=1
        )
    return len(pictures)


def mp4_encoder() -> str | None:
    """The ffmpeg to encode with: the PATH's, else imageio-ffmpeg's; None when there is neither."""
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg  # the optional extra "video"
    except ImportError:
        return None
    try:
        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except RuntimeError:  # the package is there but its binary is not (a platform it has none for)
        return None


def write_mp4(frames: Iterable[QImage], path: str | os.PathLike[str], fps: float, encoder: str) -> int:
    """Encode ``frames`` with ``encoder`` (see :func:`mp4_encoder`) as H.264 in MP4; returns how many; raises OSError."""
    count = 0
    with replacing_path(path) as temp:
        process: subprocess.Popen[bytes] | None = None
        try:
            for frame in frames:
                width, height, data = _rgb_bytes(frame)
                if process is None:
                    process = subprocess.Popen(
                        _ffmpeg_command(encoder, width, height, fps, Path(temp)),
                        stdin=subprocess.PIPE,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.PIPE,
                    )
                assert process.stdin is not None
                process.stdin.write(data)
                count += 1
        except BrokenPipeError:
            pass  # ffmpeg quit: its message is read below
        finally:
            if process is not None:
                assert process.stdin is not None and process.stderr is not None
                with contextlib.suppress(BrokenPipeError):
                    process.stdin.close()
                said = process.stderr.read().decode("utf-8", "replace").strip().splitlines()
                if process.wait() != 0:
                    raise OSError(f"could not write {os.fspath(path)}: ffmpeg said {said[-1] if said else 'nothing'}")
        if process is None:
            raise OSError(f"could not write {os.fspath(path)}: no frames")
    return count


def _ffmpeg_command(encoder: str, width: int, height: int, fps: float, out: Path) -> list[str]:
    return [
        encoder, "-hide_banner", "-loglevel", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-r", f"{fps:g}", "-i", "-",
        "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2",  # H.264's 4:2:0 wants even sides
        "-c:v", "libx264", "-pix_fmt", "yuv420p", "-threads", "1",  # one thread: the same bytes every time
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1", "-movflags", "+faststart",
        "-f", "mp4", str(out),
    ]  # fmt: skip
