"""Train and evaluate the 30-day readmission model with patient-grouped splits."""
import json
import sys
import tomllib
from pathlib import Path

import joblib
import lightgbm as lgb
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from readmission.history import encounter_features, prior_encounter_features
from readmission.splits import grouped_holdout


def scores(y, p):
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p), "brier": brier_score_loss(y, p)}


def main(config_path="config.toml"):
    cfg = tomllib.loads(Path(config_path).read_text())
    exp, feats = cfg["experiment"], cfg["features"]
    label, seed = exp["label"], exp["seed"]
    out_dir = Path(cfg["paths"]["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(cfg["paths"]["encounters"])
    df = prior_encounter_features(df)
    df = encounter_features(df, cfg["categories"])
    columns = feats["numeric"] + feats["categorical"]

    dev, test = grouped_holdout(df, label, "patient_id", exp["n_outer_folds"], seed)
    train, valid = grouped_holdout(dev, label, "patient_id", exp["n_inner_folds"], seed + 1)
    print(f"patients: train={train.patient_id.nunique()} valid={valid.patient_id.nunique()} test={test.patient_id.nunique()}")

    baseline = Pipeline([
        ("prep", ColumnTransformer([
            ("num", Pipeline([("imp", SimpleImputer(strategy="median", add_indicator=True)),
                              ("sc", StandardScaler())]), feats["numeric"]),
            ("cat", OneHotEncoder(handle_unknown="ignore"), feats["categorical"]),
        ])),
        ("lr", LogisticRegression(max_iter=3000, C=0.3)),
    ])
    baseline.fit(dev[columns], dev[label])

    gbm = lgb.LGBMClassifier(random_state=seed, verbose=-1, **cfg["lightgbm"])
    gbm.fit(
        train[columns], train[label],
        eval_set=[(valid[columns], valid[label])],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(150, verbose=False)],
    )

    report = {
        "baseline_logreg": scores(test[label], baseline.predict_proba(test[columns])[:, 1]),
        "lightgbm": scores(test[label], gbm.predict_proba(test[columns])[:, 1]),
        "lightgbm_best_iteration": gbm.best_iteration_,
        "test_prevalence": float(test[label].mean()),
    }
    print(json.dumps(report, indent=2))
    (out_dir / "report.json").write_text(json.dumps(report, indent=2, default=float))
    joblib.dump({"model": gbm, "columns": columns}, out_dir / "readmit_lgbm.joblib")


if __name__ == "__main__":
    main(*sys.argv[1:])
