"""Credit-card application PD model: XGBoost with monotone constraints."""
import json
import sys

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

from pdmodel.features import check_monotone, feature_list, load_config, monotone_tuple
from pdmodel.metrics import credit_metrics


def main(cfg_path):
    cfg = load_config(cfg_path)
    features = feature_list(cfg)
    df = pd.read_parquet(cfg["data_path"])
    X, y = df[features], df[cfg["target"]].astype(int)
    print(f"rows={len(df):,} default rate={y.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    scale_pos_weight = (y_train == 0).sum() / (y_train == 1).sum()
    model = XGBClassifier(
        **cfg["xgb"],
        monotone_constraints=monotone_tuple(cfg),
        scale_pos_weight=scale_pos_weight,
        random_state=cfg["seed"],
    )
    watchlist = [(X_train, y_train), (X_test, y_test)]
    model.fit(X_train, y_train, eval_set=watchlist, verbose=250)
    print("best iteration:", model.best_iteration)

    baseline = make_pipeline(
        SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=2000)
    ).fit(X_train, y_train)

    report = {
        "xgb_monotone": credit_metrics(y_test, model.predict_proba(X_test)[:, 1]),
        "logreg_baseline": credit_metrics(y_test, baseline.predict_proba(X_test)[:, 1]),
    }
    print(json.dumps(report, indent=2))

    for feat, sign in cfg["monotone"].items():
        if sign != 0:
            curve = check_monotone(model, X_train, feat)
            ok = curve.is_monotonic_increasing if sign > 0 else curve.is_monotonic_decreasing
            print(f"{feat:28s} constraint={sign:+d} respected={ok}")

    model.save_model("artifacts/card_pd_xgb.json")
    with open("artifacts/metrics.json", "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config/model.yaml")
