"""Train a 30-day readmission model with a patient-level held-out fold."""
import json
from pathlib import Path

import joblib
import numpy as np
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.impute import SimpleImputer

from readmit.data import load_encounters
from readmit.features import build_features, feature_columns


def make_preprocessor(numeric, categorical):
    return ColumnTransformer([
        ("num", Pipeline([
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
        ]), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), categorical),
    ])


def evaluate(name, y_true, proba):
    scores = {
        "auroc": roc_auc_score(y_true, proba),
        "auprc": average_precision_score(y_true, proba),
        "brier": brier_score_loss(y_true, proba),
    }
    print(f"{name:>10s}  " + "  ".join(f"{k}={v:.4f}" for k, v in scores.items()))
    return scores


def main(config_path="config.yaml"):
    cfg = yaml.safe_load(open(config_path))
    np.random.seed(cfg["seed"])

    df = load_encounters(cfg["data"]["encounters"])
    df = build_features(df)
    numeric, categorical = feature_columns()
    X = df[numeric + categorical]
    y = df[cfg["label"]].to_numpy()
    groups = df["patient_nbr"].to_numpy()

    sgkf = StratifiedGroupKFold(n_splits=cfg["split"]["n_folds"], shuffle=True,
                                random_state=cfg["seed"])
    folds = list(sgkf.split(X, y, groups))
    train_idx, test_idx = folds[cfg["split"]["test_fold"]]
    X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
    y_train, y_test = y[train_idx], y[test_idx]
    print(f"train={len(train_idx)} test={len(test_idx)} "
          f"pos_rate={y_train.mean():.3f}/{y_test.mean():.3f}")

    models = {
        "prior": DummyClassifier(strategy="prior"),
        "logreg": Pipeline([
            ("prep", make_preprocessor(numeric, categorical)),
            ("clf", LogisticRegression(max_iter=2000, C=0.5)),
        ]),
        "hgb": Pipeline([
            ("prep", make_preprocessor(numeric, categorical)),
            ("clf", HistGradientBoostingClassifier(random_state=cfg["seed"], **cfg["model"])),
        ]),
    }
    results = {}
    for name, model in models.items():
        model.fit(X_train, y_train)
        results[name] = evaluate(name, y_test, model.predict_proba(X_test)[:, 1])

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(models["hgb"], out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
