"""Cold-start recipe model: P(like) for a *new* user from their onboarding answers.

Every new user swipes through ~30 recipes during onboarding. The model must
generalise to users it has never seen, so all splits are grouped by user.
"""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedGroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import TargetEncoder

SEED = 77
HIGH_CARD = ["recipe_id", "cuisine", "main_ingredient", "author_id"]
NUMERIC = ["prep_minutes", "calories", "n_ingredients", "spice_level", "diet_vegetarian", "diet_lowcarb",
           "skill_level", "household_size", "budget_tier", "swipe_position"]
SCORING = {"auc": "roc_auc", "ap": "average_precision", "logloss": "neg_log_loss"}


def make_pipeline():
    pre = ColumnTransformer([
        ("te", TargetEncoder(target_type="binary", smooth="auto", cv=5, shuffle=True, random_state=SEED), HIGH_CARD),
        ("num", "passthrough", NUMERIC),
    ])
    clf = lgb.LGBMClassifier(n_estimators=400, learning_rate=0.05, num_leaves=31,
                             subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                             random_state=SEED, verbose=-1)
    return Pipeline([("pre", pre), ("clf", clf)])


def main():
    swipes = pd.read_parquet("data/onboarding_swipes.parquet")
    X, y, users = swipes[HIGH_CARD + NUMERIC], swipes["liked"].to_numpy(), swipes["user_id"].to_numpy()
    print(f"{swipes['user_id'].nunique()} users, {len(swipes)} swipes, like rate {y.mean():.3f}")

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    dev_idx, test_idx = next(outer.split(X, y, groups=users))
    X_dev, y_dev, g_dev = X.iloc[dev_idx], y[dev_idx], users[dev_idx]
    X_test, y_test = X.iloc[test_idx], y[test_idx]
    assert not set(g_dev) & set(users[test_idx])

    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    search = RandomizedSearchCV(
        make_pipeline(),
        param_distributions={
            "clf__num_leaves": [15, 31, 63],
            "clf__min_child_samples": [20, 50, 100],
            "clf__learning_rate": [0.02, 0.05, 0.1],
            "clf__reg_lambda": [0.0, 1.0, 5.0],
        },
        n_iter=20, scoring=SCORING, refit="logloss", cv=inner, random_state=SEED, n_jobs=-1,
    )
    search.fit(X_dev, y_dev, groups=g_dev)

    baseline_cv = cross_validate(DummyClassifier(strategy="prior"), X_dev, y_dev, groups=g_dev,
                                 cv=inner, scoring=SCORING)
    p = search.predict_proba(X_test)[:, 1]
    p_prior = np.full(len(y_test), y_dev.mean())
    report = {
        "best_params": search.best_params_,
        "cv_best": {k: float(search.cv_results_[f"mean_test_{k}"][search.best_index_]) for k in SCORING},
        "cv_prior_baseline": {k: float(baseline_cv[f"test_{k}"].mean()) for k in SCORING},
        "test": {"auc": roc_auc_score(y_test, p), "ap": average_precision_score(y_test, p),
                 "logloss": log_loss(y_test, p)},
        "test_prior_baseline": {"ap": average_precision_score(y_test, p_prior), "logloss": log_loss(y_test, p_prior)},
    }
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
