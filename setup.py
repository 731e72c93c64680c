"""Build hook: the wheel carries what the program runs, not the translators' tools.

``resources/translations`` holds the compiled catalogue the studio loads
(``*.qm``) beside the tools that make it: ``zh_CN.py`` (the Chinese texts)
and ``update.py`` (regenerates the ``.ts`` and ``.qm``). setuptools puts every
module of a declared package into the wheel, so those two are filtered here;
the sdist keeps them (MANIFEST.in), for its tests and for translators.
Everything else is declared in pyproject.toml.
"""

from setuptools import setup
from setuptools.command.build_py import build_py

DEVELOPER_MODULES = {("bpstudio.resources.translations", "update"), ("bpstudio.resources.translations", "zh_CN")}


class BuildPyWithoutDeveloperModules(build_py):
    def find_package_modules(self, package, package_dir):
        modules = super().find_package_modules(package, package_dir)
        return [(pkg, module, path) for pkg, module, path in modules if (pkg, module) not in DEVELOPER_MODULES]


setup(cmdclass={"build_py": BuildPyWithoutDeveloperModules})
