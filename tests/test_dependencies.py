"""pyproject.toml declares every distribution the code imports directly, each with a floor, and
the floors are not below the versions that first had the APIs we use."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LOCAL = {"review", "tests", "__future__"}

# distribution -> (lowest version with what the code uses, what that is)
API_FLOORS = {
    "streamlit": ("1.52", "st.download_button(data=callable) and st.html(unsafe_allow_javascript=) (1.52.0)"),
    "pdfplumber": ("0.11.6", "pdfplumber.utils.exceptions (PdfminerException, MalformedPDFException)"),
    "pdfminer-six": ("20240706", "pdfminer.psexceptions"),
    "pandas": ("1.5", "the first release with wheels for Python 3.11"),
    "lxml": ("4.9.1", "the first release with wheels for Python 3.11"),
}


def requirements(names: list[str]) -> dict[str, Requirement]:
    return {canonicalize_name(r.name): r for r in map(Requirement, names)}


RUNTIME = requirements(PYPROJECT["dependencies"])
DEV = requirements(PYPROJECT["optional-dependencies"]["dev"])


def imported_distributions(*paths: str) -> dict[str, str]:
    """distribution -> a file that imports it, for every top-level import in the given files/folders."""
    dists = packages_distributions()
    files = [p for name in paths for p in ([ROOT / name] if name.endswith(".py") else (ROOT / name).rglob("*.py"))]
    found: dict[str, str] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in LOCAL or top in sys.stdlib_module_names:
                    continue
                assert top in dists, f"{path.relative_to(ROOT)} imports {top}, which no installed distribution provides"
                for dist in dists[top]:
                    found.setdefault(canonicalize_name(dist), str(path.relative_to(ROOT)))
    return found


def test_every_direct_import_of_the_code_is_a_runtime_dependency() -> None:
    missing = {d: f for d, f in imported_distributions("review", "app.py").items() if d not in RUNTIME}
    assert not missing, f"imported but not in [project] dependencies: {missing}"


def test_every_direct_import_of_the_tests_is_declared() -> None:
    missing = {d: f for d, f in imported_distributions("tests").items() if d not in RUNTIME and d not in DEV}
    assert not missing, f"imported by the tests but not declared (dependencies or the dev extra): {missing}"


def test_every_dependency_has_a_floor() -> None:
    for name, req in {**RUNTIME, **DEV}.items():
        assert any(s.operator in (">=", "==", "~=") for s in req.specifier), f"{name} has no lower bound"


def test_floors_are_not_below_the_apis_the_code_uses() -> None:
    for name, (floor, why) in API_FLOORS.items():
        assert name in RUNTIME, f"{name} is not a dependency"
        lows = [Version(s.version) for s in RUNTIME[name].specifier if s.operator in (">=", "==", "~=")]
        assert lows and max(lows) >= Version(floor), f"{name} needs >= {floor}: {why}"
