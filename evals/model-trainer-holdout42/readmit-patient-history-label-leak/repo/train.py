"""Train the 30-day readmission model (LightGBM) with a patient-level holdout."""
import argparse
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from readmit.features import add_encounter_features, add_patient_history


def patient_level_split(df, label, n_folds, seed):
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    train_idx, test_idx = next(sgkf.split(df, df[label], groups=df["patient_id"]))
    return df.iloc[train_idx].reset_index(drop=True), df.iloc[test_idx].reset_index(drop=True)


def evaluate(y_true, prob):
    return {
        "auroc": roc_auc_score(y_true, prob),
        "auprc": average_precision_score(y_true, prob),
        "brier": brier_score_loss(y_true, prob),
        "prevalence": float(np.mean(y_true)),
    }


def main(config_path):
    cfg = yaml.safe_load(Path(config_path).read_text())
    label = cfg["label"]
    seed = cfg["seed"]
    out_dir = Path(cfg["data"]["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(cfg["data"]["encounters"])
    df = df[df["discharge_disposition"] != "expired"]
    df = add_encounter_features(df)
    df = add_patient_history(df, label_col=label)
    features = cfg["features"]["numeric"] + cfg["features"]["binary"]

    train_df, test_df = patient_level_split(df, label, cfg["test_fraction_folds"], seed)
    fit_df, val_df = patient_level_split(train_df, label, 5, seed + 1)
    print(f"train={len(fit_df)} val={len(val_df)} test={len(test_df)} encounters")
    assert not set(train_df.patient_id) & set(test_df.patient_id)

    baseline = make_pipeline(
        SimpleImputer(strategy="median"),
        StandardScaler(),
        LogisticRegression(max_iter=2000, C=0.5),
    )
    baseline.fit(train_df[features], train_df[label])

    params = dict(cfg["lightgbm"])
    n_estimators = params.pop("n_estimators")
    patience = params.pop("early_stopping_rounds")
    model = lgb.LGBMClassifier(
        n_estimators=n_estimators, random_state=seed, verbose=-1, **params
    )
    model.fit(
        fit_df[features],
        fit_df[label],
        eval_set=[(val_df[features], val_df[label])],
        eval_metric="auc",
        callbacks=[lgb.early_stopping(patience), lgb.log_evaluation(200)],
    )

    results = {
        "logreg_baseline": evaluate(test_df[label], baseline.predict_proba(test_df[features])[:, 1]),
        "lightgbm": evaluate(test_df[label], model.predict_proba(test_df[features])[:, 1]),
        "best_iteration": int(model.best_iteration_),
    }
    print(json.dumps(results, indent=2))

    importances = pd.Series(model.booster_.feature_importance("gain"), index=features)
    importances.sort_values(ascending=False).to_csv(out_dir / "feature_importance.csv")
    joblib.dump(model, out_dir / "lgbm_readmit.joblib")
    (out_dir / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    main(parser.parse_args().config)
