"""wages is a low-level app: it may use `places`, never another project app."""

import ast
from pathlib import Path

import wages

FORBIDDEN = {"careers", "trainings", "employers", "consent", "staff"}


def test_wages_imports_no_other_project_app():
    root = Path(wages.__file__).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path} imports {name}"
