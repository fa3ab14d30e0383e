"""Repeated outer CV with RFE re-run inside each training fold (radiomics nodule malignancy)."""
import argparse
import logging
from collections import Counter

import numpy as np
import pandas as pd
import yaml
from sklearn.base import clone
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import RepeatedStratifiedKFold

from radsel.io import load
from radsel.pipelines import clinical_only, prior, radiomics_rfe
from radsel.stability import mean_jaccard

log = logging.getLogger("outer_cv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    cfg = yaml.safe_load(open(args.config))
    seed = cfg["seed"]
    np.random.seed(seed)

    X, y = load(cfg)
    radiomic_cols = [c for c in X.columns if c not in cfg["clinical"]]
    log.info("%d nodules, %d radiomic features, malignant %.2f", len(y), len(radiomic_cols), y.mean())

    outer = RepeatedStratifiedKFold(n_splits=cfg["outer_folds"], n_repeats=cfg["outer_repeats"], random_state=seed)
    candidates = {
        "radiomics+RFE": (radiomics_rfe(cfg, seed), radiomic_cols),
        "clinical only": (clinical_only(cfg), cfg["clinical"]),
        "prior": (prior(), cfg["clinical"]),
    }
    rows, selected = [], []
    for fold, (tr, te) in enumerate(outer.split(X, y)):
        for name, (template, cols) in candidates.items():
            model = clone(template).fit(X.iloc[tr][cols], y.iloc[tr])
            p = model.predict_proba(X.iloc[te][cols])[:, 1]
            rows.append({"fold": fold, "model": name, "auroc": roc_auc_score(y.iloc[te], p),
                         "auprc": average_precision_score(y.iloc[te], p),
                         "brier": brier_score_loss(y.iloc[te], p)})
            if name == "radiomics+RFE":
                kept_var = model.named_steps["var"].get_feature_names_out(cols)
                kept = kept_var[model.named_steps["rfe"].support_]
                selected.append(set(kept))

    res = pd.DataFrame(rows)
    print(res.groupby("model")[["auroc", "auprc", "brier"]].agg(["mean", "std"]).round(3))
    freq = Counter(f for s in selected for f in s)
    print(f"mean Jaccard of selected sets: {mean_jaccard(selected):.3f}")
    print("most frequently selected:", freq.most_common(15))
    res.to_csv("outer_cv_results.csv", index=False)


if __name__ == "__main__":
    main()
