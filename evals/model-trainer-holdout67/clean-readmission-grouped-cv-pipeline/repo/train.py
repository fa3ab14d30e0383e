"""30-day readmission: grouped CV on the development set, one final test evaluation."""
import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold, cross_validate

from readmit.pipeline import make_models
from readmit.utils import load_config

SCORING = {"auroc": "roc_auc", "auprc": "average_precision", "brier": "neg_brier_score"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/readmit30.yaml")
    cfg = load_config(ap.parse_args().config)
    dcfg, feats = cfg["data"], cfg["features"]
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(dcfg["admissions"])
    X = df[feats["numeric"] + feats["categorical"]]
    y = df[dcfg["label"]].astype(int)
    groups = df[dcfg["group"]]
    print(f"{len(df)} admissions, {groups.nunique()} patients, readmission rate {y.mean():.3f}")

    outer = StratifiedGroupKFold(n_splits=cfg["split"]["test_folds"], shuffle=True, random_state=cfg["seed"])
    dev_idx, test_idx = next(outer.split(X, y, groups))
    X_dev, y_dev, g_dev = X.iloc[dev_idx], y.iloc[dev_idx], groups.iloc[dev_idx]
    X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]
    assert not set(g_dev) & set(groups.iloc[test_idx])

    cv = StratifiedGroupKFold(n_splits=cfg["split"]["cv_folds"], shuffle=True, random_state=cfg["seed"])
    models = make_models(cfg)
    cv_summary = {}
    for name, pipe in models.items():
        scores = cross_validate(pipe, X_dev, y_dev, groups=g_dev, cv=cv, scoring=SCORING, n_jobs=1)
        cv_summary[name] = {m: float(scores[f"test_{m}"].mean()) for m in SCORING}
        print(f"cv {name:7s}", {k: round(v, 4) for k, v in cv_summary[name].items()})

    chosen = max(("logreg", "xgb"), key=lambda n: cv_summary[n]["auprc"])
    test_report = {}
    for name in ("prior", "logreg", chosen):
        fitted = clone(models[name]).fit(X_dev, y_dev)
        p = fitted.predict_proba(X_test)[:, 1]
        test_report[name] = {
            "auroc": roc_auc_score(y_test, p),
            "auprc": average_precision_score(y_test, p),
            "brier": brier_score_loss(y_test, p),
        }
        if name == chosen:
            joblib.dump(fitted, out / f"{name}_pipeline.joblib")
    print("test:", json.dumps(test_report, indent=2))

    with open(out / "report.json", "w") as f:
        json.dump({"chosen": chosen, "cv": cv_summary, "test": test_report}, f, indent=2)


if __name__ == "__main__":
    main()
