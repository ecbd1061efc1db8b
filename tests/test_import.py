"""The front door: ``import community_rules`` and its ``__all__`` (SPEC §3)."""

from __future__ import annotations

import inspect
import subprocess
import sys
import types

import pytest

import community_rules as cr

# SPEC §3 names of the foundation (the rule modules add theirs to __all__ as they land).
FOUNDATION = {
    "Building",
    "CommunityKind",
    "Community",
    "District",
    "load_district",
    "dump_district",
    "sample_district",
    "Policy",
    "DEFAULT_POLICY",
    "Error",
    "allocate",
    "Insurance",
    "Level",
    "Grade",
    "Status",
    "Modality",
    "Finding",
    "clauses",
    "clause",
}


def _order(name: str) -> tuple[int, str]:
    """Constants (UPPER_CASE) first, then classes (CamelCase), then the rest, each sorted."""
    if name.isupper():
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


class TestAll:
    def test_star_import_gives_exactly_all(self) -> None:
        namespace: dict[str, object] = {}
        exec("from community_rules import *", namespace)
        del namespace["__builtins__"]
        assert sorted(namespace) == sorted(cr.__all__)

    def test_every_name_exists_once(self) -> None:
        assert len(set(cr.__all__)) == len(cr.__all__)
        for name in cr.__all__:
            assert hasattr(cr, name), name

    def test_sorted_constants_classes_functions(self) -> None:
        assert cr.__all__ == sorted(cr.__all__, key=_order)
        # the rule in action on the names that are there for sure
        assert (
            cr.__all__.index("DEFAULT_POLICY") < cr.__all__.index("Building") < cr.__all__.index("allocate")
        )

    def test_foundation_names_are_exported(self) -> None:
        assert set(cr.__all__) >= FOUNDATION

    @pytest.mark.parametrize("name", cr.__all__)
    def test_every_class_and_function_has_a_docstring(self, name: str) -> None:
        obj = getattr(cr, name)
        if inspect.isclass(obj) or inspect.isfunction(obj) or isinstance(obj, types.BuiltinFunctionType):
            assert (obj.__doc__ or "").strip(), name
            assert not (obj.__doc__ or "").startswith("An enumeration"), name  # Enum's generated text

    @pytest.mark.parametrize("name", [n for n in cr.__all__ if inspect.isclass(getattr(cr, n))])
    def test_classes_live_in_the_package(self, name: str) -> None:
        assert getattr(cr, name).__module__.startswith("community_rules."), name


class TestVersion:
    def test_is_a_version_string(self) -> None:
        assert isinstance(cr.__version__, str)
        assert cr.__version__[0].isdigit()
        assert "__version__" in cr.__all__


class TestImportCost:
    def test_no_heavy_optional_imports_and_no_warning(self) -> None:
        # hypothesis (strategies) and numpy/pandas are for users who ask for them
        code = (
            "import sys, community_rules\n"
            "print(','.join(m for m in ('hypothesis', 'numpy', 'pandas') if m in sys.modules))"
        )
        result = subprocess.run(
            [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == ""
        assert result.stderr == ""


class TestLazyExports:
    def test_no_public_name_is_shadowed_by_a_submodule(self) -> None:
        # Importing a submodule binds its name on the package; a public function
        # with the same name as a module would silently become that module.
        import importlib
        import pkgutil
        import types

        import community_rules as cr

        for info in pkgutil.iter_modules(cr.__path__):
            if info.name not in ("__main__", "strategies", "_hypothesis_plugin", "columnar", "distributed"):
                importlib.import_module(f"community_rules.{info.name}")
        for name in cr.__all__:
            assert not isinstance(getattr(cr, name), types.ModuleType), name

    def test_import_is_lazy(self) -> None:
        import subprocess
        import sys

        code = "import community_rules, sys; print(sorted(m for m in ('attrs', 'cattrs', 'dateutil') if m in sys.modules))"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "[]"
