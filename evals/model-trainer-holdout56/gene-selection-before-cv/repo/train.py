"""Tumour vs. adjacent-normal classifier on TCGA-BRCA RNA-seq.

Usage: python train.py --config config.yaml
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from expr_utils import load_expression, select_top_genes
from expr_utils.io import save_gene_list

SCORING = ["roc_auc", "average_precision", "balanced_accuracy", "f1"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", default="config.yaml")
    parser.add_argument("--n-genes", type=int, default=None, help="override features.n_genes")
    return parser.parse_args()


def build_models(cfg):
    return {
        "prior": DummyClassifier(strategy="prior"),
        "logreg": make_pipeline(
            StandardScaler(),
            LogisticRegression(C=cfg["model"]["C"], max_iter=cfg["model"]["max_iter"],
                               class_weight="balanced"),
        ),
    }


def summarise(cv_result):
    return {m: (float(np.mean(cv_result[f"test_{m}"])), float(np.std(cv_result[f"test_{m}"])))
            for m in SCORING}


def main():
    args = parse_args()
    with open(args.config) as fh:
        cfg = yaml.safe_load(fh)
    n_genes = args.n_genes or cfg["features"]["n_genes"]
    np.random.seed(cfg["seed"])

    expr, y, clinical = load_expression(
        cfg["data"]["counts"], cfg["data"]["labels"],
        label_column=cfg["data"]["label_column"],
        positive_label=cfg["data"]["positive_label"],
        pseudocount=cfg["features"]["pseudocount"],
    )
    print(f"{expr.shape[0]} samples x {expr.shape[1]} genes; tumour fraction {y.mean():.2f}")

    X, ranking = select_top_genes(expr, y, k=n_genes)
    print(ranking.head(20).to_string(index=False))

    cv = StratifiedKFold(n_splits=cfg["cv"]["folds"], shuffle=True, random_state=cfg["seed"])
    results = {}
    for name, model in build_models(cfg).items():
        res = cross_validate(model, X.to_numpy(), y, cv=cv, scoring=SCORING, n_jobs=-1)
        results[name] = summarise(res)
        line = ", ".join(f"{m}={mu:.3f}±{sd:.3f}" for m, (mu, sd) in results[name].items())
        print(f"{name:>8}: {line}")

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    save_gene_list(ranking["gene"], out_dir)
    ranking.to_csv(out_dir / "gene_ranking.tsv", sep="\t", index=False)
    with open(out_dir / "cv_metrics.json", "w") as fh:
        json.dump({"n_genes": n_genes, "results": results}, fh, indent=2)


if __name__ == "__main__":
    main()
