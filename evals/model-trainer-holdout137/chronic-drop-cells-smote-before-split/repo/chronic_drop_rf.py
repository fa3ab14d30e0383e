"""Which cells become chronic call-drop offenders?

One row per cell: static site config (CM dump) + monthly radio aggregates (PM). Label
`chronic_drop` = voice drop rate above 2% on at least 15 days of the month (from the
monthly KPI review). Only ~4% of cells are chronic, so we balance with SMOTE.
"""
import json

import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

NUMERIC = [
    "antenna_height_m", "mech_tilt_deg", "elec_tilt_deg", "azimuth_deg", "bandwidth_mhz",
    "tx_power_dbm", "neighbor_count", "inter_site_dist_km", "ta_p90_km",
    "avg_rsrp_dbm", "avg_sinr_db", "avg_cqi", "avg_prb_util_dl", "peak_users",
    "ho_success_rate", "irat_ho_share", "ul_noise_dbm",
]
CATEGORICAL = ["band", "vendor", "clutter_class", "site_type"]


def load():
    cm = pd.read_csv("data/cm_cell_config_2024_05.csv")
    pm = pd.read_csv("data/pm_cell_monthly_2024_05.csv")
    lab = pd.read_csv("data/kpi_review_2024_05.csv")[["cell_id", "chronic_drop"]]
    df = cm.merge(pm, on="cell_id").merge(lab, on="cell_id")
    return df.dropna(subset=NUMERIC + CATEGORICAL + ["chronic_drop"])


def main():
    df = load()
    print(f"{len(df)} cells, chronic share {df['chronic_drop'].mean():.3%}")

    X = pd.get_dummies(df[NUMERIC + CATEGORICAL], columns=CATEGORICAL, dtype=float)
    y = df["chronic_drop"].astype(int)

    X_res, y_res = SMOTE(k_neighbors=5, random_state=42).fit_resample(X, y)
    print(f"after SMOTE: {len(X_res)} rows, positive share {y_res.mean():.2%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X_res, y_res, test_size=0.25, stratify=y_res, random_state=42
    )

    clf = RandomForestClassifier(
        n_estimators=500,
        max_depth=14,
        min_samples_leaf=3,
        max_features="sqrt",
        n_jobs=-1,
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))
    metrics = {
        "roc_auc": roc_auc_score(y_test, proba),
        "pr_auc": average_precision_score(y_test, proba),
    }
    print(json.dumps(metrics, indent=2))

    top = pd.Series(clf.feature_importances_, index=X.columns).nlargest(15)
    print("top drivers:\n", top.round(4).to_string())


if __name__ == "__main__":
    main()
