"""Card-application fraud model. Applicants re-apply, so every split keeps an applicant's rows together."""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

SEED = 4242
FEATURES = [
    "age", "stated_income", "requested_limit", "bureau_score", "bureau_thin_file", "inquiries_30d",
    "email_age_days", "phone_age_days", "address_tenure_months", "apps_same_device_30d",
    "apps_same_phone_30d", "name_email_similarity", "ip_distance_km", "is_mobile_channel",
]


def group_split(df, y, groups, n_splits, seed):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    rest_idx, held_idx = next(sgkf.split(df, y, groups))
    return rest_idx, held_idx


def recall_at_alert_rate(y, p, rate):
    t = np.quantile(p, 1 - rate)
    return recall_score(y, p >= t), t


def main(path):
    apps = pd.read_csv(path)
    X, y, groups = apps[FEATURES], apps["confirmed_fraud"].values, apps["applicant_id"].values
    print(f"{len(apps):,} applications from {apps['applicant_id'].nunique():,} applicants, fraud {y.mean():.3%}")

    dev_idx, test_idx = group_split(X, y, groups, n_splits=5, seed=SEED)
    X_dev, y_dev, g_dev = X.iloc[dev_idx], y[dev_idx], groups[dev_idx]
    X_test, y_test = X.iloc[test_idx], y[test_idx]
    assert not set(g_dev) & set(groups[test_idx])

    tr_idx, va_idx = group_split(X_dev, y_dev, g_dev, n_splits=5, seed=SEED + 1)
    X_tr, y_tr, X_va, y_va = X_dev.iloc[tr_idx], y_dev[tr_idx], X_dev.iloc[va_idx], y_dev[va_idx]

    xgb = XGBClassifier(
        n_estimators=3000, learning_rate=0.03, max_depth=5, min_child_weight=10,
        subsample=0.8, colsample_bytree=0.8, scale_pos_weight=(1 - y_tr.mean()) / y_tr.mean(),
        eval_metric="aucpr", early_stopping_rounds=150, random_state=SEED,
    )
    xgb.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], verbose=False)
    logit = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced"))
    logit.fit(X_tr.fillna(X_tr.median()), y_tr)

    _, t_xgb = recall_at_alert_rate(y_va, xgb.predict_proba(X_va)[:, 1], rate=0.02)
    _, t_lr = recall_at_alert_rate(y_va, logit.predict_proba(X_va.fillna(X_tr.median()))[:, 1], rate=0.02)

    report = {}
    for name, p, t in [
        ("xgboost", xgb.predict_proba(X_test)[:, 1], t_xgb),
        ("logistic_baseline", logit.predict_proba(X_test.fillna(X_tr.median()))[:, 1], t_lr),
    ]:
        report[name] = {
            "roc_auc": round(roc_auc_score(y_test, p), 4),
            "pr_auc": round(average_precision_score(y_test, p), 4),
            "brier": round(brier_score_loss(y_test, p), 5),
            "recall_at_val_threshold": round(recall_score(y_test, p >= t), 4),
            "precision_at_val_threshold": round(precision_score(y_test, p >= t, zero_division=0), 4),
        }
    report["best_iteration"] = int(xgb.best_iteration)
    print(json.dumps(report, indent=2))
    xgb.save_model("app_fraud_xgb.json")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/card_applications_labelled.csv")
