"""Predict perceived stress (PSS-10) of healthcare workers from workload, sleep and coping."""
import json
import sys

import pandas as pd
from sklearn.inspection import permutation_importance
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold, cross_val_score, train_test_split

from model_factory import build_model
from scales import score_cope, score_pss

WORK = ["shift_length_h", "shifts_per_week", "covid_ward", "overtime_h_month",
        "patients_per_shift", "years_in_role"]
SLEEP = ["sleep_hours", "sleep_quality", "insomnia_nights_week"]
DEMO = ["age", "female", "nurse", "physician", "has_children"]


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    raw = pd.read_csv(cfg["data_path"])
    raw[cfg["target"]] = score_pss(raw)
    raw = raw.dropna(subset=[cfg["target"]])

    cope = score_cope(raw)
    X = pd.concat([raw[WORK + SLEEP + DEMO], cope], axis=1)
    y = raw[cfg["target"]]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], random_state=cfg["seed"]
    )

    model = build_model(cfg)
    cv = KFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])
    cv_mae = -cross_val_score(model, X_train, y_train, cv=cv, scoring="neg_mean_absolute_error")
    print(f"CV MAE: {cv_mae.mean():.2f} +/- {cv_mae.std():.2f}")

    model.fit(X_train, y_train)
    pred = model.predict(X_test)
    print(f"test MAE: {mean_absolute_error(y_test, pred):.2f}  R2: {r2_score(y_test, pred):.3f}")

    imp = permutation_importance(
        model, X_test, y_test, n_repeats=10, random_state=cfg["seed"], n_jobs=-1
    )
    ranking = pd.Series(imp.importances_mean, index=X.columns).sort_values(ascending=False)
    print(ranking.head(10).round(3))


if __name__ == "__main__":
    main(*sys.argv[1:])
