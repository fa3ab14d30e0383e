"""Promotion within 12 months of the 2022-12-31 snapshot, CatBoost with native categoricals.

Snapshot columns only (nothing recorded after 2022-12-31); promotion outcome joined from the
job-history table.
"""
from pathlib import Path

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 73
OUT = Path("artifacts/promo_cb")
CAT_COLS = ["org_unit", "job_family", "job_code", "grade", "location", "manager_grade",
            "last_rating", "potential_label", "employment_type"]
NUM_COLS = ["tenure_months", "months_in_grade", "compa_ratio", "age", "direct_reports",
            "lateral_moves_3y", "trainings_12m", "mentoring_flag", "engagement_score",
            "rating_trend_2y"]
LEAKY_OR_IDS = ["employee_id", "promotion_date", "new_grade", "new_job_code", "termination_date"]

snap = pd.read_parquet("data/snapshot_2022-12-31.parquet")
snap["promoted_12m"] = snap["promotion_date"].notna().astype(int)
snap = snap.drop(columns=LEAKY_OR_IDS)

# CatBoost wants strings for categoricals; NaN -> explicit level
snap[CAT_COLS] = snap[CAT_COLS].fillna("Unknown").astype(str)

X, y = snap[CAT_COLS + NUM_COLS], snap["promoted_12m"]
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=SEED)

train_pool = Pool(X_tr, y_tr, cat_features=CAT_COLS)
val_pool = Pool(X_val, y_val, cat_features=CAT_COLS)
test_pool = Pool(X_test, y_test, cat_features=CAT_COLS)

model = CatBoostClassifier(
    iterations=5000,
    learning_rate=0.03,
    depth=6,
    l2_leaf_reg=5,
    eval_metric="PRAUC",
    auto_class_weights="SqrtBalanced",
    od_type="Iter",
    od_wait=200,
    random_seed=SEED,
    verbose=500,
)
model.fit(train_pool, eval_set=val_pool, use_best_model=True)

p = model.predict_proba(test_pool)[:, 1]
print(f"best iteration: {model.get_best_iteration()}  val PRAUC: {model.get_best_score()['validation']['PRAUC']:.4f}")
print(f"test AUC {roc_auc_score(y_test, p):.4f}  test AP {average_precision_score(y_test, p):.4f}")

imp = model.get_feature_importance(prettified=True).head(15)
print(imp.to_string(index=False))

OUT.mkdir(parents=True, exist_ok=True)
model.save_model(str(OUT / "model.cbm"))
