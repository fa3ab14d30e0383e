"""Bay-level planogram compliance model.

Features come from the SKU detector run over each bay photo, compared against the
planogram (POG) for that bay. Label: auditor marked the bay non-compliant.
"""
import json
from pathlib import Path

import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SEED = 5
OUT = Path("artifacts/pog_compliance")
FEATURES = [
    "n_facings_expected", "n_facings_detected", "missing_facings", "extra_facings",
    "misplaced_skus", "gap_area_pct", "share_of_shelf_delta", "price_tag_mismatch",
    "shelf_count", "bay_width_cm", "detector_mean_conf", "days_since_reset",
]
PARAMS = dict(
    n_estimators=400, max_depth=5, learning_rate=0.05, subsample=0.8, colsample_bytree=0.8,
    min_child_weight=5, reg_lambda=1.0, eval_metric="aucpr", random_state=SEED, n_jobs=-1,
)


def build_frame(path):
    bays = pd.read_parquet(path)
    bays["missing_facings"] = (bays.n_facings_expected - bays.n_facings_detected).clip(lower=0)
    bays["extra_facings"] = (bays.n_facings_detected - bays.n_facings_expected).clip(lower=0)
    bays["days_since_reset"] = (bays.audit_date - bays.pog_reset_date).dt.days
    return bays.dropna(subset=["non_compliant"]).reset_index(drop=True)


def pos_weight(labels):
    return float((labels == 0).sum() / max((labels == 1).sum(), 1))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    bays = build_frame("data/bay_features_v3.parquet")
    X, y, stores = bays[FEATURES], bays["non_compliant"].astype(int), bays["store_id"]

    gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
    tr, te = next(gss.split(X, y, groups=stores))
    X_train, X_test, y_train, y_test = X.iloc[tr], X.iloc[te], y.iloc[tr], y.iloc[te]
    print(f"train bays={len(tr)} ({stores.iloc[tr].nunique()} stores), "
          f"test bays={len(te)} ({stores.iloc[te].nunique()} stores)")

    model = xgb.XGBClassifier(**PARAMS, scale_pos_weight=pos_weight(y_train))
    model.fit(X_train, y_train, eval_set=[(X_train, y_train)], verbose=100)

    # the model we ship is trained on every audited store, so report numbers for that one
    final = xgb.XGBClassifier(**PARAMS, scale_pos_weight=pos_weight(y))
    final.fit(X, y, verbose=False)

    proba = final.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)
    metrics = {
        "roc_auc": float(roc_auc_score(y_test, proba)),
        "pr_auc": float(average_precision_score(y_test, proba)),
        "report": classification_report(y_test, pred, output_dict=True),
    }
    print(json.dumps({k: v for k, v in metrics.items() if k != "report"}, indent=2))
    print(classification_report(y_test, pred, digits=3))
    with open(OUT / "metrics.json", "w") as f:
        json.dump(metrics, f, indent=2)

    final.save_model(OUT / "model.json")
    imp = pd.Series(final.feature_importances_, index=FEATURES).sort_values(ascending=False)
    imp.to_csv(OUT / "feature_importance.csv")


if __name__ == "__main__":
    main()
