"""Groin/adductor injury risk from pre-season screening, grouped by player.

Players are screened every pre-season, so the same player appears in several rows.
All splits keep a player's screenings together.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from lightgbm import LGBMClassifier
from scipy.stats import loguniform, randint
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedGroupKFold, cross_val_predict
from sklearn.preprocessing import StandardScaler

SEED = 8
FEATURES = [
    "age", "adductor_squeeze_n", "abduction_ratio", "hip_ir_rom_left", "hip_ir_rom_right",
    "copenhagen_hold_s", "prev_groin_injuries", "prev_season_minutes", "kicking_leg_right",
]
TARGET = "groin_injury_season"


def build_pipeline() -> Pipeline:
    return Pipeline([
        ("scale", StandardScaler()),
        ("smote", SMOTE(random_state=SEED)),
        ("clf", LGBMClassifier(random_state=SEED, verbose=-1)),
    ])


def main() -> None:
    df = pd.read_csv("data/screening_2016_2024.csv").dropna(subset=FEATURES + [TARGET]).reset_index(drop=True)
    X, y, groups = df[FEATURES], df[TARGET].astype(int), df["player_id"]
    print(f"{len(df)} screenings / {groups.nunique()} players / positive rate {y.mean():.3f}")

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    dev_idx, test_idx = next(outer.split(X, y, groups))
    X_dev, y_dev, g_dev = X.iloc[dev_idx], y.iloc[dev_idx], groups.iloc[dev_idx]
    X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]
    assert set(g_dev).isdisjoint(groups.iloc[test_idx])

    inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
    search = RandomizedSearchCV(
        build_pipeline(),
        {
            "smote__k_neighbors": randint(3, 8),
            "clf__n_estimators": randint(100, 600),
            "clf__learning_rate": loguniform(0.01, 0.2),
            "clf__num_leaves": randint(4, 32),
            "clf__min_child_samples": randint(10, 60),
        },
        n_iter=40,
        scoring="average_precision",
        cv=inner,
        random_state=SEED,
        n_jobs=-1,
    )
    search.fit(X_dev, y_dev, groups=g_dev)
    print("best inner-CV PR-AUC:", round(search.best_score_, 4), search.best_params_)

    oof = cross_val_predict(search.best_estimator_, X_dev, y_dev, groups=g_dev, cv=inner, method="predict_proba")[:, 1]
    prec, rec, thr = precision_recall_curve(y_dev, oof)
    f2 = 5 * prec[:-1] * rec[:-1] / np.clip(4 * prec[:-1] + rec[:-1], 1e-9, None)
    threshold = float(thr[np.argmax(f2)])

    baseline = Pipeline([("scale", StandardScaler()), ("lr", LogisticRegression(class_weight="balanced", max_iter=1000))])
    baseline.fit(X_dev[["prev_groin_injuries", "age"]], y_dev)

    p_model = search.best_estimator_.predict_proba(X_test)[:, 1]
    p_base = baseline.predict_proba(X_test[["prev_groin_injuries", "age"]])[:, 1]
    for name, p in [("baseline", p_base), ("smote+lgbm", p_model)]:
        print(f"{name:>11}: PR-AUC {average_precision_score(y_test, p):.3f}  ROC-AUC {roc_auc_score(y_test, p):.3f}")
    flag = (p_model >= threshold).astype(int)
    print(f"threshold {threshold:.3f} (F2 on out-of-fold dev): "
          f"recall {recall_score(y_test, flag):.3f} precision {precision_score(y_test, flag, zero_division=0):.3f}")


if __name__ == "__main__":
    main()
