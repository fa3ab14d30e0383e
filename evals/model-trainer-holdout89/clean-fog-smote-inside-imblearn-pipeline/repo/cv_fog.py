"""Patient-independent freezing-of-gait detection with SMOTE applied only to training folds."""
import json

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

from fog.features import build_windows

SEED = 64


def candidates():
    return {
        "prior": DummyClassifier(strategy="prior"),
        "logreg_smote": Pipeline([
            ("scale", StandardScaler()),
            ("smote", SMOTE(k_neighbors=5, random_state=SEED)),
            ("clf", LogisticRegression(max_iter=2000, random_state=SEED)),
        ]),
        "xgb_smote": Pipeline([
            ("scale", StandardScaler()),
            ("smote", SMOTE(k_neighbors=5, random_state=SEED)),
            ("clf", XGBClassifier(n_estimators=400, max_depth=4, learning_rate=0.05,
                                  subsample=0.8, colsample_bytree=0.8, random_state=SEED)),
        ]),
    }


def main():
    raw = pd.read_csv("data/daphnet_fog.csv.gz")
    windows = build_windows(raw)
    feature_cols = [c for c in windows.columns if c not in ("patient", "run", "freeze")]
    X, y, groups = windows[feature_cols], windows["freeze"].to_numpy(), windows["patient"].to_numpy()
    print(f"{len(X)} windows, freeze share {y.mean():.3f}, patients {sorted(set(groups))}")

    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    scoring = {"pr_auc": "average_precision", "roc_auc": "roc_auc"}
    summary = {}
    for name, est in candidates().items():
        res = cross_validate(est, X, y, groups=groups, cv=cv, scoring=scoring)
        summary[name] = {m: {"mean": float(np.mean(res[f"test_{m}"])), "std": float(np.std(res[f"test_{m}"]))}
                         for m in scoring}
        print(f"{name:>13}: PR-AUC {summary[name]['pr_auc']['mean']:.3f} ± {summary[name]['pr_auc']['std']:.3f}"
              f"  ROC-AUC {summary[name]['roc_auc']['mean']:.3f}")

    with open("fog_cv_summary.json", "w") as f:
        json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
