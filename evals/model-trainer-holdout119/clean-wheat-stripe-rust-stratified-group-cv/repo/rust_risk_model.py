"""Wheat stripe rust presence from scouting visits + on-farm weather.

Each field is scouted several times a season, so every split keeps a field's visits together.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

SEED = 13
np.random.seed(SEED)

FEATURES = [
    "zadoks_stage", "cultivar_resistance_score", "leaf_wetness_hrs_7d", "tmean_7d_c", "tmin_7d_c",
    "rh_gt90_hrs_7d", "rain_7d_mm", "days_since_sowing", "extension_rust_alert_level", "fungicide_applied",
    "n_rate_kg_ha", "irrigated",
]
PARAM_SETS = [
    dict(num_leaves=15, min_child_samples=40, learning_rate=0.03, n_estimators=500),
    dict(num_leaves=31, min_child_samples=20, learning_rate=0.03, n_estimators=500),
    dict(num_leaves=63, min_child_samples=20, learning_rate=0.02, n_estimators=800),
]

visits = pd.read_csv("data/stripe_rust_scouting_2019_2023.csv", parse_dates=["visit_date"])
visits = visits[visits["zadoks_stage"].between(20, 75)].reset_index(drop=True)
X, y, groups = visits[FEATURES], visits["rust_present"].values, visits["field_id"].values
print(f"{len(visits)} visits, {visits.field_id.nunique()} fields, prevalence {y.mean():.3f}")

# outer split: one stratified group fold (~20% of fields) is the test set
outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
train_idx, test_idx = next(outer.split(X, y, groups))
assert not set(groups[train_idx]) & set(groups[test_idx])
X_tr, y_tr, g_tr = X.iloc[train_idx], y[train_idx], groups[train_idx]
X_te, y_te = X.iloc[test_idx], y[test_idx]


def make_model(params, y_fit):
    spw = (y_fit == 0).sum() / max((y_fit == 1).sum(), 1)
    return lgb.LGBMClassifier(objective="binary", scale_pos_weight=spw, subsample=0.8, subsample_freq=1,
                              colsample_bytree=0.8, random_state=SEED, verbose=-1, **params)


inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED + 1)
cv_scores = []
for params in PARAM_SETS:
    fold_ap = []
    for a, b in inner.split(X_tr, y_tr, g_tr):
        m = make_model(params, y_tr[a])
        m.fit(X_tr.iloc[a], y_tr[a])
        fold_ap.append(average_precision_score(y_tr[b], m.predict_proba(X_tr.iloc[b])[:, 1]))
    cv_scores.append(np.mean(fold_ap))
    print(params, f"inner CV PR-AUC {np.mean(fold_ap):.4f} +/- {np.std(fold_ap):.4f}")

best = PARAM_SETS[int(np.argmax(cv_scores))]
final = make_model(best, y_tr)
final.fit(X_tr, y_tr)

p_te = final.predict_proba(X_te)[:, 1]
print(f"\nselected: {best}")
print(f"test PR-AUC  {average_precision_score(y_te, p_te):.4f} (prevalence {y_te.mean():.3f})")
print(f"test ROC-AUC {roc_auc_score(y_te, p_te):.4f}")
final.booster_.save_model("stripe_rust_lgbm.txt")
