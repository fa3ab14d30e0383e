import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score

from features import LEAKY_COLS, add_date_features, smoothed_target_encode


def main(cfg_path: str = "config.yaml") -> None:
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    np.random.seed(cfg["seed"])

    df = pd.read_csv(cfg["data_path"])
    df = df.drop(columns=LEAKY_COLS)
    df = add_date_features(df)
    df = df[df["total_guests"] > 0].reset_index(drop=True)

    df = smoothed_target_encode(df, cfg["te_cols"], cfg["target"], alpha=cfg["te_alpha"])
    te_features = [f"{c}_te" for c in cfg["te_cols"]]
    features = cfg["numeric_cols"] + te_features + ["hotel_is_city"]
    df["hotel_is_city"] = (df["hotel"] == "City Hotel").astype(int)

    # out-of-time evaluation: train on older arrivals, test on the most recent season
    cutoff = pd.Timestamp(cfg["split_date"])
    train = df[df["arrival_date"] < cutoff]
    test = df[df["arrival_date"] >= cutoff]
    print(f"train={len(train)} test={len(test)} cancel rate train={train[cfg['target']].mean():.3f}")

    X_train, y_train = train[features], train[cfg["target"]]
    X_test, y_test = test[features], test[cfg["target"]]

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    metrics = {
        "roc_auc": roc_auc_score(y_test, proba),
        "pr_auc": average_precision_score(y_test, proba),
    }
    print(json.dumps(metrics, indent=2))
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    Path("artifacts").mkdir(exist_ok=True)
    model.booster_.save_model("artifacts/cancel_lgbm.txt")
    Path("artifacts/metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
