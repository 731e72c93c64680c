"""A student's own data: a CSV file with a header row, some columns in, some out.

Every problem gets one sentence that points at the place: a missing value
names its row and column, text in a numeric column quotes it, a file that is
not CSV says so.  Rows are counted as a spreadsheet shows them (the header is
row 1).

Limits, checked before anything large is built: a regular file only (not a
device such as /dev/zero, a FIFO or a folder), at most :data:`MAX_BYTES`
(200 MB) and :data:`MAX_ROWS` (1 000 000, the studio's sample limit) data
rows; a field longer than Python's csv limit (131 072 characters) is an
error naming its row.
"""

from __future__ import annotations

import csv
import math
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bpstudio.engine.classes import MAX_CLASSES, TOO_MANY_CLASSES, class_order, encode_classes, output_names, uses_one_column
from bpstudio.engine.data import Dataset
from bpstudio.engine.messages import QT_TRANSLATE_NOOP, Refusal
from bpstudio.engine.text_safety import shown_name

MIN_ROWS = 2
_LINE_END = re.compile(r"\r\n|\r|\n")
MAX_BYTES = 200 * 1024 * 1024
MAX_ROWS = 1_000_000


class CsvDataError(Refusal):
    """A CSV file that cannot be used; the message says why and where.

    A :class:`Refusal` (template and parameters), so the studio says it in the
    user's language and the CLI in English.
    """


def read_table(path: str | Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV file (comma, semicolon or tab separated)."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise CsvDataError(
                QT_TRANSLATE_NOOP("Engine", "{file} is not a regular file (a device, FIFO or socket); choose a CSV file"), file=path
            )
        too_large = QT_TRANSLATE_NOOP("Engine", "{file} is larger than {mb} MB")
        if info.st_size > MAX_BYTES:
            raise CsvDataError(too_large, file=path.name, mb=MAX_BYTES // 2**20)
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # the size can grow between stat and read
        if len(raw) > MAX_BYTES:
            raise CsvDataError(too_large, file=path.name, mb=MAX_BYTES // 2**20)
    except FileNotFoundError:
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} does not exist"), file=path) from None
    except IsADirectoryError:
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} is a folder, not a CSV file"), file=path) from None
    except OSError as err:
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} cannot be read ({reason})"), file=path, reason=err.strerror) from None
    if b"\0" in raw[:4096]:
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} is not a CSV file (it holds binary data)"), file=path.name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} is not a CSV text file (it is not UTF-8)"), file=path.name) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # A CSV row ends at \n, \r\n or \r only: str.splitlines would also end one at a form feed,
    # U+2028 and other characters a cell may hold, and put what follows in a row of its own.
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()  # the end of the last line, not an empty row
    if len(lines) > MAX_ROWS + 1:
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} has more than {rows} data rows"), file=path.name, rows=f"{MAX_ROWS:,}")
    reader = csv.reader(lines, dialect)
    rows = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
    except csv.Error as err:  # e.g. a field over csv.field_size_limit() characters
        raise CsvDataError(
            QT_TRANSLATE_NOOP("Engine", "{file}, row {row}: {reason}"), file=path.name, row=reader.line_num, reason=str(err)
        ) from None
    if not rows:
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} is empty"), file=path.name)
    header = [cell.strip() for cell in rows[0]]
    if len(header) < 2 or any(not name for name in header):
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} needs a header row naming every column (e.g. r,g,b,x)"), file=path.name)
    if len(set(header)) != len(header):
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} names a column twice in its header"), file=path.name)
    return header, rows[1:]


def _checked_rows(path: str | Path, inputs: tuple[str, ...], targets: tuple[str, ...]) -> tuple[str, list[str], list[list[str]]]:
    header, rows = read_table(path)
    name = Path(path).name
    for column in (*inputs, *targets):
        if column not in header:
            raise CsvDataError(
                QT_TRANSLATE_NOOP("Engine", "{file} has no column “{column}”; its columns are {columns}"),
                file=name,
                column=shown_name(column),  # a stranger's header: shortened, control characters shown
                columns=", ".join(map(shown_name, header)),
            )
    if not inputs or not targets:
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "choose at least one input column and one target column"))
    if set(inputs) & set(targets):
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "a column cannot be both an input and a target"))
    if len(rows) < MIN_ROWS:
        raise CsvDataError(
            QT_TRANSLATE_NOOP("Engine", "{file} has {rows} data row(s); at least {least} are needed"),
            file=name,
            rows=len(rows),
            least=MIN_ROWS,
        )
    return name, header, rows


def _cell(name: str, header: list[str], row: list[str], r: int, index: int) -> str:
    cell = row[index].strip() if index < len(row) else ""
    if not cell:
        raise CsvDataError(
            QT_TRANSLATE_NOOP("Engine", "{file}, row {row}, column {column}: the value is missing"),
            file=name,
            row=r + 2,
            column=header[index],
        )
    return cell


def _numbers(name: str, header: list[str], rows: list[list[str]], columns: tuple[str, ...]) -> np.ndarray:
    wanted = [header.index(c) for c in columns]
    table = np.empty((len(rows), len(wanted)))
    for r, row in enumerate(rows):
        for c, index in enumerate(wanted):
            cell = _cell(name, header, row, r, index)
            column = header[index]
            try:
                value = float(cell)
            except ValueError:
                raise CsvDataError(
                    QT_TRANSLATE_NOOP("Engine", "{file}, row {row}, column {column}: “{cell}” is not a number"),
                    file=name,
                    row=r + 2,
                    column=column,
                    cell=cell,
                ) from None
            if not np.isfinite(value):
                raise CsvDataError(
                    QT_TRANSLATE_NOOP("Engine", "{file}, row {row}, column {column}: “{cell}” is not a finite number"),
                    file=name,
                    row=r + 2,
                    column=column,
                    cell=cell,
                )
            table[r, c] = value
    return table


def dataset_from_csv(path: str | Path, inputs: tuple[str, ...], targets: tuple[str, ...]) -> Dataset:
    name, header, rows = _checked_rows(path, inputs, targets)
    table = _numbers(name, header, rows, (*inputs, *targets))
    k = len(inputs)
    return Dataset(table[:, :k], table[:, k:], tuple(inputs), tuple(targets))


NUMBER, INTEGER, TEXT, MIXED = "number", "integer", "text", "mixed"


@dataclass(frozen=True)
class ColumnKind:
    """What a column holds, as a class target would read it.

    ``kind`` is :data:`NUMBER` (some value is not whole), :data:`INTEGER`
    (whole numbers only: class labels or counts), :data:`TEXT` (no value is a
    number) or :data:`MIXED` (both numbers and text).  The rows are counted as
    a spreadsheet shows them (the header is row 1) and name a first example
    of each sort, so a refusal can point at them.
    """

    kind: str
    distinct: int
    number_row: int | None = None
    number: str = ""
    text_row: int | None = None
    text: str = ""
    fraction_row: int | None = None
    fraction: str = ""

    @property
    def can_be_classes(self) -> bool:
        """Labels a class target accepts as they are: whole numbers or text, at most MAX_CLASSES of them."""
        return self.kind in (INTEGER, TEXT) and self.distinct <= MAX_CLASSES


def _as_number(cell: str) -> float | None:
    """The cell's value when it is a finite number (``nan`` and ``inf`` read as text labels)."""
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def column_kind(cells: list[str], first_row: int = 2) -> ColumnKind:
    """The kind of a column's (stripped, non-empty) cells; ``first_row`` is the spreadsheet row of ``cells[0]``."""
    found: dict[str, tuple[int, str]] = {}
    for r, cell in enumerate(cells):
        value = _as_number(cell)
        sort = "text" if value is None else ("number" if value.is_integer() else "fraction")
        if sort not in found:
            found[sort] = (first_row + r, cell)
            if "text" in found and "number" in found and "fraction" in found:
                break
    numbers = "number" in found or "fraction" in found
    if "text" in found and numbers:
        kind = MIXED
    elif "text" in found:
        kind = TEXT
    else:
        kind = NUMBER if "fraction" in found else INTEGER
    number = found.get("number") or found.get("fraction") or (None, "")
    return ColumnKind(
        kind,
        len(set(cells)),
        number[0],
        number[1],
        *found.get("text", (None, "")),
        *found.get("fraction", (None, "")),
    )


@dataclass(frozen=True)
class Preview:
    """A file's header, its first rows as written, and each column's kind over every row."""

    header: list[str]
    rows: list[list[str]]
    kinds: list[ColumnKind]
    n_rows: int


def preview_csv(path: str | Path, first: int = 5) -> Preview:
    """What the CSV dialog shows before anything is chosen: the first rows and every column's kind."""
    header, rows = read_table(path)
    kinds = []
    for index in range(len(header)):
        cells = [row[index].strip() if index < len(row) else "" for row in rows]
        kinds.append(column_kind([cell for cell in cells if cell]))
    return Preview(header, [row[: len(header)] for row in rows[:first]], kinds, len(rows))


def class_label_refusal(kind: ColumnKind, file: str, column: str) -> CsvDataError | None:
    """Why a column with these labels cannot be a class target under cross-entropy, or None when it can.

    Numbers that are not whole, or more distinct values than :data:`MAX_CLASSES`,
    are a regression target (a file of 200 measurements would otherwise become
    200 classes); labels mixing numbers and text are a typo somewhere (a "0"
    among "setosa" would become a class of its own), and the refusal names a
    row of each.
    """
    if kind.kind == MIXED:
        return CsvDataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "{file}, column {column}: row {number_row} holds the number “{number}” and row {text_row} the text “{text}”;"
                " class labels are either all numbers or all text",
            ),
            file=file,
            column=column,
            number_row=kind.number_row,
            number=kind.number,
            text_row=kind.text_row,
            text=kind.text,
        )
    if kind.distinct > MAX_CLASSES and kind.kind in (NUMBER, INTEGER):
        return CsvDataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "{file}, column {column}: {n} distinct numbers — this looks like regression; cross-entropy takes at most {cap}"
                " classes: for numbers use the mse loss",
            ),
            file=file,
            column=column,
            n=kind.distinct,
            cap=MAX_CLASSES,
        )
    if kind.kind == NUMBER:
        return CsvDataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "{file}, column {column}: {n} distinct numbers, not all whole (row {row}: “{cell}”) — this looks like regression;"
                " cross-entropy needs class labels: for numbers use the mse loss",
            ),
            file=file,
            column=column,
            n=kind.distinct,
            row=kind.fraction_row,
            cell=kind.fraction,
        )
    if kind.distinct > MAX_CLASSES:
        return CsvDataError(TOO_MANY_CLASSES, n=kind.distinct, cap=MAX_CLASSES)
    if kind.distinct < 2:
        return CsvDataError(
            QT_TRANSLATE_NOOP("Engine", "{file}, column {column}: a class column needs at least two different labels"),
            file=file,
            column=column,
        )
    return None


def class_labels_from_csv(path: str | Path, inputs: tuple[str, ...], target: str) -> tuple[np.ndarray, list[str]]:
    """Numeric input columns, as given, and the class column's labels as text (whole numbers or text).

    The labels are checked before the inputs are read (see :func:`class_label_refusal`):
    a regression file is refused with its reason, not with whatever input row fails first.
    """
    name, header, rows = _checked_rows(path, inputs, (target,))
    index = header.index(target)
    labels = [_cell(name, header, row, r, index) for r, row in enumerate(rows)]
    refusal = class_label_refusal(column_kind(labels), name, target)
    if refusal is not None:
        raise refusal
    table = _numbers(name, header, rows, tuple(inputs))
    return table, labels


def class_dataset_from_csv(path: str | Path, inputs: tuple[str, ...], target: str, output: str) -> Dataset:
    """A CSV file whose ``target`` column holds class labels (numbers or text), inputs used as given.

    The outputs follow the sorted labels (see .classes); ``output`` is the
    output layer's activation, which decides one-hot or one 0/1 column.
    """
    table, labels = class_labels_from_csv(path, inputs, target)
    classes = class_order(labels)
    one_column = uses_one_column(output, len(classes))
    if output == "sigmoid" and not one_column:
        raise CsvDataError(
            QT_TRANSLATE_NOOP("Engine", "a sigmoid output tells 2 classes apart; {file} has {n}: use softmax"),
            file=Path(path).name,
            n=len(classes),
        )
    position = {label: k for k, label in enumerate(classes)}
    indices = np.array([position[label.strip()] for label in labels])
    return Dataset(table, encode_classes(indices, len(classes), one_column), tuple(inputs), output_names(classes, one_column), classes)
