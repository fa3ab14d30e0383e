"""Travel insurance claims fraud model - trains on config, evaluates out of time."""
import json
import sys

import joblib
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score, precision_recall_curve

from data import load_claims, time_split
from models import build_model


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    df = load_claims(cfg["data"]["claims"])
    train, test = time_split(df, cfg["data"]["train_end"])
    feats, label = cfg["features"], cfg["data"]["label"]

    model = build_model(cfg["model"], cfg["seed"])
    model.fit(train[feats], train[label])

    p = model.predict_proba(test[feats])[:, 1]
    prec, rec, _ = precision_recall_curve(test[label], p)
    report = {
        "model": cfg["model"]["name"],
        "n_train": len(train),
        "n_test": len(test),
        "test_roc_auc": roc_auc_score(test[label], p),
        "test_pr_auc": average_precision_score(test[label], p),
        "test_recall_at_50pct_precision": float(rec[prec >= 0.5].max()) if (prec >= 0.5).any() else 0.0,
    }
    print(json.dumps(report, indent=2))
    joblib.dump(model, f"artifacts/fraud_{cfg['model']['name']}.joblib")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.yaml")
