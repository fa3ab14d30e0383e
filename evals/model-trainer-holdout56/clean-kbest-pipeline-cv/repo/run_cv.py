"""LUAD vs. LUSC from primary-tumour RNA-seq: repeated stratified CV, then a final model."""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.model_selection import RepeatedStratifiedKFold, cross_validate

from nsclc.models import make_candidates
from nsclc.prep import load_cohort

METRICS = ("roc_auc", "average_precision", "neg_log_loss", "neg_brier_score")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--params", default="params.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().params))
    seed = cfg["random_state"]
    np.random.seed(seed)

    X, y = load_cohort(cfg["inputs"]["counts"], cfg["inputs"]["clinical"])
    print(f"{X.shape[0]} tumours, {X.shape[1]} genes, LUSC fraction {y.mean():.2f}")

    cv = RepeatedStratifiedKFold(n_splits=cfg["cv"]["n_splits"], n_repeats=cfg["cv"]["n_repeats"],
                                 random_state=seed)
    summary = {}
    for name, est in make_candidates(cfg).items():
        res = cross_validate(est, X, y, cv=cv, scoring=METRICS, n_jobs=-1)
        summary[name] = {m: {"mean": float(res[f"test_{m}"].mean()), "sd": float(res[f"test_{m}"].std())}
                         for m in METRICS}
        print(name, {m: f"{v['mean']:.3f}±{v['sd']:.3f}" for m, v in summary[name].items()})

    # final model for the downstream cohort: refit the whole pipeline on all tumours
    final = make_candidates(cfg)["kbest_logreg"].fit(X, y)
    chosen = X.columns[final.named_steps["select"].get_support()]
    coefs = pd.Series(final.named_steps["clf"].coef_.ravel(), index=chosen).sort_values()

    out = Path(cfg["outputs"]["dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(final, out / "kbest_logreg.joblib")
    coefs.to_csv(out / "signature_coefficients.csv", header=["coef"])
    (out / "cv_summary.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
