"""Languages: English (the source texts) and Simplified Chinese, switchable at run time.

Texts go through Qt's translation system: widgets set them in a
``retranslate()`` that runs at construction and again when the language
changes.  ``resources/translations/bpstudio_zh_CN.ts`` is the catalogue
(made with pyside6-lupdate, translated in the article's own terms:
影响链路, 源, 汇, 反向传播 ...) and the ``.qm`` beside it is what loads.
"""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_installed: list[QTranslator] = []
_current = ["en"]  # the language install_language last put in place


def current_language() -> str:
    """The language the application speaks now (views that open later ask this, not the window)."""
    return _current[0]


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def catalogue_path(code: str) -> str:
    return str(files("bpstudio.resources") / "translations" / f"bpstudio_{code}.qm")


def install_language(code: str) -> str:
    """Make ``code`` the application's language; returns the language now in use."""
    app = QCoreApplication.instance()
    assert app is not None, "install_language needs the application"
    from bpstudio.qt.shell.foreign_texts import install as translate_plot_menus

    translate_plot_menus()  # pyqtgraph's menus have no catalogue: set as they pop up
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code not in LANGUAGES:
        code = "en"
    _current[0] = "en"
    if code != "en":
        ours = QTranslator(app)
        if not ours.load(catalogue_path(code)):
            return "en"
        qt = QTranslator(app)  # Qt's own texts: dialog buttons and the like
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        app.installTranslator(ours)
        _installed.append(ours)
    _current[0] = code
    return code


def marked(context: str, text: str) -> str:
    """Translate a text marked elsewhere with QT_TRANSLATE_NOOP(context, text)."""
    return QCoreApplication.translate(context, text)


def localized(error: Exception | str) -> str:
    """An engine refusal in the user's language when it has a template, else as it is."""
    template = getattr(error, "template", None)
    if not template:
        return str(error)
    return QCoreApplication.translate("Engine", template).format(**getattr(error, "params", {}))
