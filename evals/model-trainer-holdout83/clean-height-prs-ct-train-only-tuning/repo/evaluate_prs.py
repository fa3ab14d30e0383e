"""Select and evaluate a C+T height PRS in the target cohort.

Summary statistics: GIANT 2018 meta-analysis excluding our biobank, so the betas are external.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import KFold, train_test_split

from prs import align_dosages, load_sumstats, score_at_thresholds

cfg = yaml.safe_load(Path("prs_config.yaml").read_text())
SEED = cfg["seed"]

sumstats = load_sumstats(cfg["sumstats"], cfg["clumped"])
dosages = pd.read_parquet(cfg["dosages"])
counted = pd.read_csv(cfg["counted_alleles"], sep="\t", index_col="SNP")["counted"]
dos, sumstats = align_dosages(dosages, counted, sumstats)
prs = score_at_thresholds(dos, sumstats)

pheno = pd.read_csv(cfg["pheno"], sep="\t", index_col="IID").join(prs, how="inner")
covs = ["age", "sex"] + [f"PC{i}" for i in range(1, 11)]
pheno = pheno.dropna(subset=["height_cm"] + covs)

train, test = train_test_split(pheno, test_size=cfg["test_fraction"], random_state=SEED)


def residualise(fit_df, apply_df):
    lm = LinearRegression().fit(fit_df[covs], fit_df["height_cm"])
    return apply_df["height_cm"] - lm.predict(apply_df[covs])


def incremental_r2(fit_df, eval_df, col):
    resid_fit, resid_eval = residualise(fit_df, fit_df), residualise(fit_df, eval_df)
    mu, sd = fit_df[col].mean(), fit_df[col].std()
    z_fit, z_eval = (fit_df[col] - mu) / sd, (eval_df[col] - mu) / sd
    lm = LinearRegression().fit(z_fit.to_frame(), resid_fit)
    pred = lm.predict(z_eval.to_frame())
    return r2_score(resid_eval, pred), pred, resid_eval


kf = KFold(n_splits=5, shuffle=True, random_state=SEED)
cv_r2 = {c: [] for c in prs.columns}
for fit_idx, val_idx in kf.split(train):
    fit_df, val_df = train.iloc[fit_idx], train.iloc[val_idx]
    for c in prs.columns:
        cv_r2[c].append(incremental_r2(fit_df, val_df, c)[0])
cv_mean = {c: float(np.mean(v)) for c, v in cv_r2.items()}
best = max(cv_mean, key=cv_mean.get)
print("CV incremental R2 by threshold:", json.dumps(cv_mean, indent=1), "\nselected:", best)

cov_model = LinearRegression().fit(train[covs], train["height_cm"])
cov_pred = cov_model.predict(test[covs])
r2_prs, pred, resid_test = incremental_r2(train, test, best)
full_pred = cov_pred + pred
results = {
    "selected_threshold": best,
    "test_r2_covariates_only": r2_score(test["height_cm"], cov_pred),
    "test_r2_covariates_plus_prs": r2_score(test["height_cm"], full_pred),
    "test_incremental_r2_prs": r2_prs,
    "test_pearson_prs_vs_residual": float(np.corrcoef(pred, resid_test)[0, 1]),
    "test_rmse_cm_covariates_plus_prs": float(np.sqrt(mean_squared_error(test["height_cm"], full_pred))),
}
print(json.dumps(results, indent=2))
Path(cfg["out"]).mkdir(parents=True, exist_ok=True)
Path(cfg["out"], "results.json").write_text(json.dumps(results, indent=2))
