"""Club renewal risk.

    python cli.py --config conf/renewal.yaml
"""
import argparse
import json
import logging
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score

sys.path.insert(0, str(Path(__file__).parent / "src"))
from renewal.data import CAT, NUM, TARGET, load_members, three_way_split  # noqa: E402
from renewal.model import threshold_for_precision, to_pool, train_catboost  # noqa: E402

log = logging.getLogger("renewal")


def summarize(y, score, flag):
    return {"roc_auc": roc_auc_score(y, score), "pr_auc": average_precision_score(y, score),
            "precision": precision_score(y, flag, zero_division=0), "recall": recall_score(y, flag),
            "f1": f1_score(y, flag)}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--config", required=True)
    cfg = yaml.safe_load(Path(ap.parse_args().config).read_text())
    logging.basicConfig(level=logging.INFO)
    np.random.seed(cfg["seed"])

    members = load_members(cfg["paths"]["members"])
    train_df, val_df, test_df = three_way_split(members, cfg["split"]["test"], cfg["split"]["val"], cfg["seed"])
    log.info("train %d / val %d / test %d, churn rate %.3f", len(train_df), len(val_df), len(test_df),
             members[TARGET].mean())

    model = train_catboost(cfg["catboost"], cfg["seed"], train_df, val_df)
    val_score = model.predict_proba(to_pool(val_df))[:, 1]
    thr = threshold_for_precision(val_df[TARGET], val_score, cfg["threshold"]["min_precision"])

    # rule-of-thumb baseline the club secretary uses today, cutoff picked on validation as well
    cut_grid = [30, 45, 60, 90, 120, 180]
    cut = max(cut_grid, key=lambda c: f1_score(val_df[TARGET], val_df["days_since_last_visit"] > c))

    test_score = model.predict_proba(to_pool(test_df))[:, 1]
    report = {
        "threshold": thr,
        "best_iteration": model.get_best_iteration(),
        "catboost_test": summarize(test_df[TARGET], test_score, test_score >= thr),
        "absence_rule_test": summarize(test_df[TARGET], test_df["days_since_last_visit"],
                                       test_df["days_since_last_visit"] > cut),
    }
    out = Path(cfg["paths"]["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(str(out / "renewal.cbm"))
    (out / "report.json").write_text(json.dumps(report, indent=2, default=float))
    log.info("%s", json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
