"""Chronic call-drop cell classifier, grouped by site.

Sectors of one site share mast, backhaul and terrain, so every split keeps a site's cells together.
SMOTE lives inside the imblearn pipeline, i.e. it only ever sees the training folds.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from lightgbm import LGBMClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold, cross_val_predict

SEED = 7
NUMERIC = [
    "antenna_height_m", "mech_tilt_deg", "elec_tilt_deg", "bandwidth_mhz", "tx_power_dbm",
    "neighbor_count", "inter_site_dist_km", "ta_p90_km", "avg_rsrp_dbm", "avg_sinr_db",
    "avg_prb_util_dl", "peak_users", "ho_success_rate", "ul_noise_dbm",
]
CATEGORICAL = ["band", "vendor", "clutter_class"]

cm = pd.read_csv("data/cm_cell_config_2024_05.csv")
pm = pd.read_csv("data/pm_cell_monthly_2024_05.csv")
lab = pd.read_csv("data/kpi_review_2024_05.csv")[["cell_id", "chronic_drop"]]
df = cm.merge(pm, on="cell_id").merge(lab, on="cell_id").dropna(subset=NUMERIC + CATEGORICAL)

X = pd.get_dummies(df[NUMERIC + CATEGORICAL], columns=CATEGORICAL, dtype=float)
y = df["chronic_drop"].astype(int).to_numpy()
sites = df["site_id"].to_numpy()
print(f"{len(df)} cells on {len(np.unique(sites))} sites, positive rate {y.mean():.3%}")

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
dev_idx, test_idx = next(outer.split(X, y, groups=sites))
X_dev, y_dev, g_dev = X.iloc[dev_idx], y[dev_idx], sites[dev_idx]
X_test, y_test = X.iloc[test_idx], y[test_idx]


def make_model(num_leaves):
    return Pipeline([
        ("smote", SMOTE(k_neighbors=5, random_state=SEED)),
        ("clf", LGBMClassifier(n_estimators=400, learning_rate=0.05, num_leaves=num_leaves,
                               subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                               random_state=SEED, verbose=-1)),
    ])


cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
scores = {}
for leaves in (7, 15, 31):
    oof = cross_val_predict(make_model(leaves), X_dev, y_dev, groups=g_dev, cv=cv, method="predict_proba")[:, 1]
    scores[leaves] = average_precision_score(y_dev, oof)
    print(f"num_leaves={leaves:2d}  OOF PR-AUC {scores[leaves]:.4f}  ROC-AUC {roc_auc_score(y_dev, oof):.4f}")

best_leaves = max(scores, key=scores.get)
final = make_model(best_leaves).fit(X_dev, y_dev)
p_test = final.predict_proba(X_test)[:, 1]
print(f"held-out sites: PR-AUC {average_precision_score(y_test, p_test):.4f} "
      f"ROC-AUC {roc_auc_score(y_test, p_test):.4f} (base rate {y_test.mean():.3%})")
