from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
FEATURES = ROOT / "data" / "features" / "leads.parquet"
MODELS = ROOT / "models"
REPORTS = ROOT / "reports"
