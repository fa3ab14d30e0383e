import json
from pathlib import Path

import joblib
import pandas as pd


def load_snapshot(path):
    df = pd.read_csv(path, parse_dates=["signup_date", "snapshot_date"])
    return df[df["plan_status"] != "test_account"].reset_index(drop=True)


def save_artifacts(out_dir, model, metrics, params):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    (out / "best_params.json").write_text(json.dumps(params, indent=2, default=str))
