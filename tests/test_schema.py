"""docs/output.schema.json is the published schema; it must match the contract types."""

import json
from pathlib import Path

from sitrep.model import output_json_schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "output.schema.json"


def test_published_schema_matches_the_types():
    published = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert published == output_json_schema(), "regenerate it: sitrep schema > docs/output.schema.json"


def test_python_dash_m_sitrep_runs_the_command_line():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "sitrep", "schema"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and '"claims"' in done.stdout
