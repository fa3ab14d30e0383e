import json
from pathlib import Path

import numpy as np
import xgboost as xgb
import yaml
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score

from data import load_and_engineer, split_by_time


def pick_threshold(y_true, proba):
    prec, rec, thr = precision_recall_curve(y_true, proba)
    f1 = 2 * prec * rec / np.clip(prec + rec, 1e-9, None)
    best = int(np.nanargmax(f1[:-1]))
    return float(thr[best])


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    feats = cfg["features"]

    df = load_and_engineer(cfg["data"]["path"], cfg["data"]["drop_target"])
    train, val, test = split_by_time(df, cfg["data"]["train_end"], cfg["data"]["val_end"])
    for name, part in [("train", train), ("val", val), ("test", test)]:
        print(f"{name:5s} {len(part):>9,} rows  pos {part['target'].mean():.4f}  "
              f"{part['timestamp'].min()} .. {part['timestamp'].max()}")

    neg, pos = np.bincount(train["target"], minlength=2)
    clf = xgb.XGBClassifier(scale_pos_weight=neg / max(pos, 1), **cfg["xgb"])
    clf.fit(train[feats], train["target"], eval_set=[(val[feats], val["target"])], verbose=250)

    val_proba = clf.predict_proba(val[feats])[:, 1]
    thr = pick_threshold(val["target"], val_proba)
    print(f"best iteration {clf.best_iteration}, threshold from val {thr:.3f}")

    test_proba = clf.predict_proba(test[feats])[:, 1]
    metrics = {
        "val_pr_auc": average_precision_score(val["target"], val_proba),
        "test_roc_auc": roc_auc_score(test["target"], test_proba),
        "test_pr_auc": average_precision_score(test["target"], test_proba),
        "test_f1_at_val_thr": f1_score(test["target"], (test_proba >= thr).astype(int)),
        "threshold": thr,
        "best_iteration": int(clf.best_iteration),
    }
    print(json.dumps(metrics, indent=2))

    out = Path("models")
    out.mkdir(exist_ok=True)
    clf.save_model(out / "drop_breach_xgb.json")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
