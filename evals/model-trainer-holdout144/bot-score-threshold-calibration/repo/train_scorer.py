"""Train the session bot scorer and pick the blocking threshold for the target precision."""
import json
import sys
from pathlib import Path

import joblib
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

from data import SIGNALS, load_labeled, time_split
from thresholds import rates_at, threshold_for_precision


def main(config_path="config.json"):
    cfg = json.loads(Path(config_path).read_text())
    label = cfg["label_col"]

    df = load_labeled(cfg["data_path"], label)
    splits = time_split(df, cfg["time_col"], cfg["split_fractions"])
    for name, part in splits.items():
        print(f"{name:>5}: {len(part):>8,} sessions, bot rate {part[label].mean():.3%}")

    train = splits["train"]
    clf = HistGradientBoostingClassifier(**cfg["model"], random_state=cfg["seed"])
    clf.fit(train[SIGNALS], train[label])

    val = splits["val"]
    val_scores = clf.predict_proba(val[SIGNALS])[:, 1]
    print(f"val ROC AUC {roc_auc_score(val[label], val_scores):.4f}  "
          f"PR AUC {average_precision_score(val[label], val_scores):.4f}")

    calib = splits[cfg["threshold_split"]]
    calib_scores = clf.predict_proba(calib[SIGNALS])[:, 1]
    threshold = threshold_for_precision(calib[label].values, calib_scores, cfg["target_precision"])
    print(f"blocking threshold for precision>={cfg['target_precision']}: {threshold:.4f}")

    test = splits["test"]
    test_scores = clf.predict_proba(test[SIGNALS])[:, 1]
    report = {
        "threshold": threshold,
        "test_roc_auc": roc_auc_score(test[label], test_scores),
        "test_pr_auc": average_precision_score(test[label], test_scores),
        **{f"test_{k}": v for k, v in rates_at(test[label].values, test_scores, threshold).items()},
    }
    print(json.dumps(report, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": clf, "threshold": threshold, "features": SIGNALS}, out / "scorer.joblib")
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
