"""Text output survives consoles and pipes that cannot encode '∂' (GBK, cp1252, ASCII).

Run as a user runs it: a subprocess whose stdout is a pipe with the given
encoding (PYTHONIOENCODING sets it, as a Chinese or Western Windows console
code page would).
"""

import io
import json
import os
import subprocess

import pytest
from conftest import bpstudio_command, run_bpstudio

from bpstudio.console_streams import never_fail_on_encoding


def run_piped(*args: str, encoding: str):
    """``bpstudio ARGS`` with its output going to a pipe in ``encoding``; stdout decoded with it."""
    result = subprocess.run(
        [*bpstudio_command(), *args], capture_output=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": encoding}
    )
    return result.returncode, result.stdout.decode(encoding), result.stderr.decode(encoding)


@pytest.mark.parametrize("encoding", ["gbk", "cp1252", "ascii"])
def test_chain_to_a_narrow_pipe_exits_0_and_escapes_what_it_cannot_show(encoding):
    code, out, err = run_piped("chain", "--param", "W0[0,0]", encoding=encoding)
    assert code == 0, err
    assert "Traceback" not in err
    # '∂' is in none of these code pages: it arrives as its escape, the rest readable.
    assert "\\u2202" in out and "\u2202" not in out
    assert "Loss-influence chain of w\\u2081\\u2081\\u207d\\u2070\\u207e  [W0[0,0]]" in out  # w₁₁⁽⁰⁾


def test_gbk_pipe_keeps_chinese_it_can_encode():
    code, out, _ = run_piped("--help", encoding="gbk")
    assert code == 0
    assert "Python实现" in out  # GBK has these characters: no escapes


def test_chain_out_file_is_utf8_whatever_the_console(tmp_path):
    out = tmp_path / "chain.txt"
    result = run_bpstudio("chain", "--param", "W0[0,0]", "--out", str(out), env={"PYTHONIOENCODING": "gbk", "LC_ALL": "C", "LANG": "C"})
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("utf-8")
    assert "\u2202" in text  # the real character, not an escape
    shown = run_bpstudio("chain", "--param", "W0[0,0]", env={"PYTHONIOENCODING": "utf-8"})
    assert text == shown.stdout


def test_json_outputs_are_utf8_under_a_c_locale(tmp_path):
    out = tmp_path / "chain.json"
    result = run_bpstudio(
        "chain", "--param", "W0[0,0]", "--format", "json", "--out", str(out), env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C"}
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["param"] == "W0[0,0]"


def test_streams_already_lenient_or_missing_are_left_alone():
    strict = io.TextIOWrapper(io.BytesIO(), encoding="gbk")
    lenient = io.TextIOWrapper(io.BytesIO(), encoding="gbk", errors="replace")
    never_fail_on_encoding(strict, lenient, None, object())
    assert strict.errors == "backslashreplace" and lenient.errors == "replace"
    strict.write("∂L/∂w 实现")
    strict.flush()
    assert strict.buffer.getvalue().decode("gbk") == "\\u2202L/\\u2202w 实现"


def run_in_c_locale(*args: str):
    """``bpstudio ARGS`` as on a server with LANG=C and UTF-8 mode off: ASCII streams with surrogateescape."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "BPSTUDIO_TRAINER") and not k.startswith("LC_")}
    env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    result = subprocess.run([*bpstudio_command(), *args], capture_output=True, timeout=120, env=env)
    return result.returncode, result.stdout.decode("ascii"), result.stderr.decode("ascii")


def test_c_locale_with_utf8_mode_off_prints_escapes_not_a_traceback():
    code, out, err = run_in_c_locale("chain", "--param", "W0[0,0]")
    assert code == 0, err
    assert "Traceback" not in err
    assert "Loss-influence chain of w\\u2081\\u2081\\u207d\\u2070\\u207e  [W0[0,0]]" in out


def test_c_locale_refusals_are_one_line_too():
    code, out, err = run_in_c_locale("chain", "--param", "W9[0,0]")
    assert code == 2
    assert "Traceback" not in err and err.strip() and out == ""


def test_surrogateescape_streams_keep_undecodable_bytes_and_escape_the_rest():
    """A file name's undecodable byte still goes out as itself; '∂' as its escape."""
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="surrogateescape")
    never_fail_on_encoding(stream)
    stream.write("caf\udce9 \u2202L")
    stream.flush()
    assert stream.buffer.getvalue() == b"caf\xe9 \\u2202L"
