"""Predict whether an application reaches the onsite loop, from structured phone-screen data.

Candidates often apply to several requisitions, and the phone-screen scorecard is largely
shared across their applications, so every split is grouped by candidate_id.
"""
import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score, average_precision_score
from sklearn.model_selection import GroupShuffleSplit, RandomizedSearchCV, StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

RNG = 2718
CATS = ["req_job_family", "req_level", "source", "screen_recruiter_team", "location_pref"]
NUMS = ["screen_tech_score", "screen_comm_score", "screen_motivation_score", "years_experience",
        "salary_expectation_vs_band", "notice_period_weeks", "num_prior_applications",
        "skills_overlap_pct", "assessment_pct"]
PROTECTED = ["gender", "ethnicity", "age_band", "veteran_status", "disability_status"]

apps = pd.read_csv("data/phone_screens_2023.csv")
apps = apps.drop(columns=[c for c in PROTECTED if c in apps.columns])
apps["reached_onsite"] = apps["stage_reached"].isin(["onsite", "offer", "hired"]).astype(int)
print(apps.groupby("candidate_id").size().describe())

X, y, groups = apps[CATS + NUMS], apps["reached_onsite"], apps["candidate_id"]

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=RNG)
tr_idx, te_idx = next(outer.split(X, y, groups))
X_tr, X_te, y_tr, y_te = X.iloc[tr_idx], X.iloc[te_idx], y.iloc[tr_idx], y.iloc[te_idx]
g_tr = groups.iloc[tr_idx]
assert set(g_tr).isdisjoint(set(groups.iloc[te_idx]))

pre = make_column_transformer(
    (OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan), CATS),
    remainder="passthrough",
)
pipe = make_pipeline(
    pre,
    HistGradientBoostingClassifier(categorical_features=list(range(len(CATS))), random_state=RNG),
)

search = RandomizedSearchCV(
    pipe,
    {
        "histgradientboostingclassifier__learning_rate": np.logspace(-2.3, -0.7, 20),
        "histgradientboostingclassifier__max_leaf_nodes": [8, 15, 31, 63],
        "histgradientboostingclassifier__min_samples_leaf": [20, 50, 100, 200],
        "histgradientboostingclassifier__l2_regularization": [0.0, 0.1, 1.0, 10.0],
        "histgradientboostingclassifier__max_iter": [200, 400, 800],
    },
    n_iter=40,
    scoring="average_precision",
    cv=StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=RNG),
    random_state=RNG,
    n_jobs=-1,
)
search.fit(X_tr, y_tr, groups=g_tr)
print("best CV AP:", round(search.best_score_, 4), search.best_params_)

p = search.predict_proba(X_te)[:, 1]
print(f"holdout AUC {roc_auc_score(y_te, p):.4f}  AP {average_precision_score(y_te, p):.4f}  "
      f"(base rate {y_te.mean():.3f})")
