"""Case/control classifier on genome-wide significant-ish SNPs plus clinical covariates."""
import argparse
import json
import logging
from pathlib import Path

import pandas as pd
import yaml
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from gwas_features import lambda_gc, load_dosages, select_top_snps

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("train")


def build_model(C):
    return make_pipeline(
        SimpleImputer(strategy="mean"),
        StandardScaler(),
        LogisticRegression(C=C, penalty="l2", max_iter=5000),
    )


def evaluate(name, model, X, y):
    prob = model.predict_proba(X)[:, 1]
    scores = {
        "roc_auc": roc_auc_score(y, prob),
        "pr_auc": average_precision_score(y, prob),
        "brier": brier_score_loss(y, prob),
    }
    log.info("%s: %s", name, json.dumps({k: round(v, 4) for k, v in scores.items()}))
    return scores


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())

    dosages = load_dosages(cfg["genotypes"])
    pheno = pd.read_csv(cfg["phenotypes"], sep="\t", index_col="IID")
    common = dosages.index.intersection(pheno.index)
    X = dosages.loc[common]
    y = pheno.loc[common, cfg["phenotype_column"]].astype(int)
    covars = pheno.loc[common, cfg["covariates"]]
    log.info("%d samples, %d cases", len(y), int(y.sum()))

    snps, pvals = select_top_snps(X, y, cfg["p_threshold"], cfg["max_snps"])
    log.info("%d SNPs selected, lambda_GC=%.3f", len(snps), lambda_gc(pvals))
    features = pd.concat([X[snps], covars], axis=1)

    X_train, X_test, y_train, y_test = train_test_split(
        features, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    covariate_only = build_model(cfg["C"]).fit(X_train[cfg["covariates"]], y_train)
    full = build_model(cfg["C"]).fit(X_train, y_train)

    results = {
        "covariates_only": evaluate("covariates only", covariate_only, X_test[cfg["covariates"]], y_test),
        "snps_plus_covariates": evaluate("snps + covariates", full, X_test, y_test),
        "n_snps": len(snps),
    }
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(results, indent=2))
    pd.Series(snps, name="rsid").to_csv(out / "selected_snps.txt", index=False)


if __name__ == "__main__":
    main()
