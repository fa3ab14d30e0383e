import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import tomli
import xgboost as xgb
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

from wetday.features import build_table, feature_columns


def brier_skill(y, p, p_ref):
    return 1.0 - brier_score_loss(y, p) / brier_score_loss(y, p_ref)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--params", default="params.toml")
    ap.add_argument("--out", default="runs/wetday_xgb")
    args = ap.parse_args()
    cfg = tomli.loads(Path(args.params).read_text())

    obs = pd.read_parquet(cfg["data"]["observations"])
    nwp = pd.read_parquet(cfg["data"]["nwp"])
    obs["date"] = pd.to_datetime(obs["date"])
    nwp["date"] = pd.to_datetime(nwp["date"])

    table = build_table(obs, nwp, cfg)
    cols = feature_columns(table)
    table = table.dropna(subset=cols + ["wet"])

    train = table[table["date"] <= cfg["split"]["train_end"]]
    valid = table[(table["date"] > cfg["split"]["train_end"]) & (table["date"] <= cfg["split"]["valid_end"])]
    test = table[table["date"] > cfg["split"]["valid_end"]]
    print(f"train={len(train)} valid={len(valid)} test={len(test)} wet rate={train['wet'].mean():.3f}")

    m = cfg["model"]
    clf = xgb.XGBClassifier(
        n_estimators=m["n_estimators"], learning_rate=m["learning_rate"], max_depth=m["max_depth"],
        subsample=m["subsample"], colsample_bytree=m["colsample_bytree"],
        min_child_weight=m["min_child_weight"], early_stopping_rounds=m["early_stopping_rounds"],
        eval_metric="logloss", random_state=m["seed"], tree_method="hist",
    )
    clf.fit(train[cols], train["wet"], eval_set=[(valid[cols], valid["wet"])], verbose=500)

    p_test = clf.predict_proba(test[cols])[:, 1]
    y_test = test["wet"].to_numpy()

    # reference forecasts: station x calendar-month wet-day frequency from the training years,
    # and the raw NWP precipitation >= 1 mm
    clim = train.groupby(["station_id", train["date"].dt.month])["wet"].mean()
    keys = pd.MultiIndex.from_arrays([test["station_id"], test["date"].dt.month])
    p_clim = clim.reindex(keys).fillna(train["wet"].mean()).to_numpy()
    p_nwp = (test["nwp_tp_mm"] >= cfg["data"]["wet_day_mm"]).astype(float).to_numpy()

    report = {
        "roc_auc": roc_auc_score(y_test, p_test),
        "log_loss": log_loss(y_test, p_test),
        "brier": brier_score_loss(y_test, p_test),
        "bss_vs_climatology": brier_skill(y_test, p_test, p_clim),
        "bss_vs_raw_nwp": brier_skill(y_test, p_test, np.clip(p_nwp, 0.02, 0.98)),
        "best_iteration": int(clf.best_iteration),
    }
    print(json.dumps(report, indent=2))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    clf.save_model(out / "model.json")
    (out / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
