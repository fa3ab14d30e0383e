"""escalator-fault: weekly fault-risk model for the metro's escalator fleet.

    python -m escalator.cli --params params.json
"""
import argparse
import json
import logging
from pathlib import Path

from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

from .features import CAT_COLS, NUM_COLS, TARGET, load_weeks, time_cut
from .tuning import run_study

log = logging.getLogger("escalator")


def recall_at_precision(y, p, min_precision=0.5):
    prec, rec, _ = precision_recall_curve(y, p)
    ok = rec[prec >= min_precision]
    return float(ok.max()) if len(ok) else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--params", default="params.json")
    cfg = json.loads(Path(ap.parse_args().params).read_text())
    logging.basicConfig(level=logging.INFO)

    weeks = load_weeks(cfg["data_path"])
    past, future = time_cut(weeks, cfg["cutoff"])
    log.info("train weeks %d (pos %.3f), test weeks %d", len(past), past[TARGET].mean(), len(future))

    study = run_study(past, future, cfg["seed"], cfg["n_trials"])
    log.info("best trial AP=%.4f params=%s", study.best_value, study.best_params)

    cols = CAT_COLS + NUM_COLS
    final = CatBoostClassifier(**study.best_params, cat_features=CAT_COLS, random_seed=cfg["seed"], verbose=0)
    final.fit(past[cols], past[TARGET])
    p = final.predict_proba(future[cols])[:, 1]

    # baseline: "it faulted in the last 8 weeks, it will fault again"
    base = (future["faults_prev_8w"] > 0).astype(float)
    report = {
        "test_ap": average_precision_score(future[TARGET], p),
        "test_auc": roc_auc_score(future[TARGET], p),
        "test_recall_at_p50": recall_at_precision(future[TARGET], p),
        "baseline_ap": average_precision_score(future[TARGET], base),
    }
    log.info("report %s", report)
    out = Path(cfg["model_dir"])
    out.mkdir(exist_ok=True)
    final.save_model(str(out / "escalator_cb.cbm"))
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
