"""Application scorecard (PD 12m) - logistic regression on WoE-transformed features."""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, roc_curve, brier_score_loss
from sklearn.model_selection import train_test_split

from scorecard import WoEBinner, scale_to_points


def ks_statistic(y_true, score):
    fpr, tpr, _ = roc_curve(y_true, score)
    return float(np.max(tpr - fpr))


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    target = cfg["data"]["target"]
    features = cfg["features"]

    apps = pd.read_parquet(cfg["data"]["path"])
    apps = apps[apps[target].isin([0, 1])].reset_index(drop=True)
    print(f"{len(apps):,} applications, bad rate {apps[target].mean():.2%}")

    binner = WoEBinner(
        max_bins=cfg["binning"]["max_bins"],
        min_bin_share=cfg["binning"]["min_bin_share"],
    )
    binner.fit(apps[features], apps[target])
    iv = binner.iv_table()
    print(iv.round(3).to_string())
    selected = iv[iv >= cfg["binning"]["iv_threshold"]].index.tolist()

    X_woe = binner.transform(apps[features])[selected]
    y = apps[target]
    X_train, X_test, y_train, y_test = train_test_split(
        X_woe, y,
        test_size=cfg["split"]["test_size"],
        stratify=y,
        random_state=cfg["split"]["random_state"],
    )

    baseline = LogisticRegression(max_iter=1000).fit(X_train[["bureau_score"]], y_train)
    model = LogisticRegression(C=0.5, max_iter=1000).fit(X_train, y_train)

    results = {}
    for name, clf, cols in [("bureau_only", baseline, ["bureau_score"]), ("scorecard", model, selected)]:
        pd_test = clf.predict_proba(X_test[cols])[:, 1]
        results[name] = {
            "auc": roc_auc_score(y_test, pd_test),
            "gini": 2 * roc_auc_score(y_test, pd_test) - 1,
            "ks": ks_statistic(y_test, pd_test),
            "brier": brier_score_loss(y_test, pd_test),
        }
    print(json.dumps(results, indent=2))

    log_odds_good = -model.decision_function(X_test)
    points = scale_to_points(log_odds_good, **cfg["scaling"])
    print("score range on test:", points.min(), "-", points.max())

    Path("artifacts").mkdir(exist_ok=True)
    joblib.dump({"binner": binner, "model": model, "features": selected}, "artifacts/scorecard.joblib")
    Path("artifacts/metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
