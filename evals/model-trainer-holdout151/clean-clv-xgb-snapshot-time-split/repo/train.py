import json
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error
from xgboost import XGBRegressor

from clv.data import FEATURES, load, time_split


def gini(y, p):
    order = np.argsort(-p)
    cum = np.cumsum(y[order]) / y.sum()
    return 2 * (cum.mean() - 0.5 * (1 + 1 / len(y))) if len(y) else float("nan")


def main(config_path="config.yaml"):
    cfg = yaml.safe_load(Path(config_path).read_text())
    d, s, t = cfg["data"], cfg["split"], cfg["train"]

    df = load(d["path"], d["snapshot_col"])
    train, valid, test = time_split(
        df, d["snapshot_col"], s["valid_snapshot"], s["test_snapshot"], d["horizon_months"]
    )
    for name, part in (("train", train), ("valid", valid), ("test", test)):
        print(f"{name:5s} {len(part):>8,} rows  snapshots {part[d['snapshot_col']].min().date()} .. {part[d['snapshot_col']].max().date()}")

    model = XGBRegressor(
        **t["params"], early_stopping_rounds=t["early_stopping_rounds"], random_state=t["seed"], n_jobs=-1
    )
    model.fit(
        train[FEATURES], train[d["target"]],
        eval_set=[(valid[FEATURES], valid[d["target"]])],
        verbose=250,
    )

    y_test = test[d["target"]].to_numpy()
    pred = model.predict(test[FEATURES])
    last_6m_naive = 2 * test["revenue_90d"].to_numpy()
    metrics = {
        "best_iteration": int(model.best_iteration),
        "test_mae": float(mean_absolute_error(y_test, pred)),
        "test_mae_naive": float(mean_absolute_error(y_test, last_6m_naive)),
        "test_gini": float(gini(y_test, pred)),
        "test_total_pred_vs_actual": float(pred.sum() / y_test.sum()),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["artifacts"])
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "model.json")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
