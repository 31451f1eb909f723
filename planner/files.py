"""Where the shipped data files live: data/ at the top of the repository."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
