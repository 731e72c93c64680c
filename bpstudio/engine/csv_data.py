"""A student's own data: a CSV file with a header row, some columns in, some out.

Every problem gets one sentence that points at the place: a missing value
names its row and column, text in a numeric column quotes it, a file that is
not CSV says so.  Rows are counted as a spreadsheet shows them (the header is
row 1).
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from .data import Dataset
from .messages import QT_TRANSLATE_NOOP, Refusal

MIN_ROWS = 2
MAX_BYTES = 200 * 1024 * 1024


class CsvDataError(Refusal):
    """A CSV file that cannot be used; the message says why and where.

    A :class:`Refusal` (template and parameters), so the studio says it in the
    user's language and the CLI in English.
    """


def read_table(path: str | Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV file (comma, semicolon or tab separated)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} is larger than {mb} MB"), file=path.name, mb=MAX_BYTES // 2**20)
        raw = path.read_bytes()
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
    rows = [row for row in csv.reader(text.splitlines(), dialect) if any(cell.strip() for cell in row)]
    if not rows:
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} is empty"), file=path.name)
    header = [cell.strip() for cell in rows[0]]
    if len(header) < 2 or any(not name for name in header):
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} needs a header row naming every column (e.g. r,g,b,x)"), file=path.name)
    if len(set(header)) != len(header):
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} names a column twice in its header"), file=path.name)
    return header, rows[1:]


def dataset_from_csv(path: str | Path, inputs: tuple[str, ...], targets: tuple[str, ...]) -> Dataset:
    header, rows = read_table(path)
    name = Path(path).name
    for column in (*inputs, *targets):
        if column not in header:
            raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} has no column “{column}”; its columns are {columns}"),
                               file=name, column=column, columns=", ".join(header))
    if not inputs or not targets:
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "choose at least one input column and one target column"))
    if set(inputs) & set(targets):
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "a column cannot be both an input and a target"))
    if len(rows) < MIN_ROWS:
        raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file} has {rows} data row(s); at least {least} are needed"),
                           file=name, rows=len(rows), least=MIN_ROWS)
    wanted = [header.index(c) for c in (*inputs, *targets)]
    table = np.empty((len(rows), len(wanted)))
    for r, row in enumerate(rows):
        for c, index in enumerate(wanted):
            cell = row[index].strip() if index < len(row) else ""
            column = header[index]
            if not cell:
                raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file}, row {row}, column {column}: the value is missing"),
                                   file=name, row=r + 2, column=column)
            try:
                value = float(cell)
            except ValueError:
                raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file}, row {row}, column {column}: “{cell}” is not a number"),
                                   file=name, row=r + 2, column=column, cell=cell) from None
            if not np.isfinite(value):
                raise CsvDataError(QT_TRANSLATE_NOOP("Engine", "{file}, row {row}, column {column}: “{cell}” is not a finite number"),
                                   file=name, row=r + 2, column=column, cell=cell)
            table[r, c] = value
    k = len(inputs)
    return Dataset(table[:, :k], table[:, k:], tuple(inputs), tuple(targets))
