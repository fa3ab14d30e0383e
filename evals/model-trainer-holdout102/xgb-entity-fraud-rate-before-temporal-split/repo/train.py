"""Train the issuer-side XGBoost fraud model with entity risk features."""
import json
import sys
from pathlib import Path

import numpy as np
import xgboost as xgb
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fraud_xgb.data import load_transactions, temporal_split
from fraud_xgb.evaluate import pick_threshold, score_report
from fraud_xgb.features import add_basic_features, add_entity_risk, feature_columns


def main(config_path: str = "config.yaml") -> None:
    cfg = yaml.safe_load(Path(config_path).read_text())
    np.random.seed(cfg["seed"])
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    df = load_transactions(cfg["data"]["transactions"])
    df = add_basic_features(df)
    df = add_entity_risk(df, cfg["features"]["risk_entities"], smoothing=cfg["features"]["smoothing"])

    split = cfg["split"]
    train, valid, test = temporal_split(df, split["train_end"], split["valid_end"], split["test_end"])
    cols = feature_columns(cfg)
    for name, part in [("train", train), ("valid", valid), ("test", test)]:
        print(f"{name:>5}: {len(part):>9,} rows  fraud rate {part['is_fraud'].mean():.4%}")

    X_tr, y_tr = train[cols], train["is_fraud"]
    X_va, y_va = valid[cols], valid["is_fraud"]
    X_te, y_te = test[cols], test["is_fraud"]

    params = dict(cfg["model"])
    early_stopping_rounds = params.pop("early_stopping_rounds")
    params["scale_pos_weight"] = float((y_tr == 0).sum() / max((y_tr == 1).sum(), 1))
    model = xgb.XGBClassifier(**params, early_stopping_rounds=early_stopping_rounds, random_state=cfg["seed"])
    model.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], verbose=250)

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced"))
    baseline.fit(X_tr, y_tr)

    min_precision = cfg["evaluation"]["min_precision"]
    results = {}
    for name, clf in [("xgboost", model), ("logreg", baseline)]:
        thr = pick_threshold(y_va, clf.predict_proba(X_va)[:, 1], min_precision)
        results[name] = score_report(y_te, clf.predict_proba(X_te)[:, 1], thr)
        results[name]["threshold"] = thr
    results["xgboost"]["best_iteration"] = int(model.best_iteration)

    print(json.dumps(results, indent=2))
    model.save_model(out_dir / "model.json")
    (out_dir / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
