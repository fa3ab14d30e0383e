"""
30-day readmission -- interpretable logistic model for the clinical audit.

The statsmodels summary (coefficients, pseudo-R2, AIC) is in-sample by design: it is the
*inference* part of the report. Predictive performance is measured on the held-out 25%.
"""
import argparse

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from audit_utils import load_admissions, standardise, write_report

PREDICTORS = ["age", "n_prior_adm_12m", "los_days", "charlson_index", "n_meds_discharge",
              "lives_alone", "emergency_admission", "hb_discharge", "egfr"]
TARGET = "readmit_30d"


def fit_logit(X, y):
    Xc = sm.add_constant(X, has_constant="add")
    return sm.Logit(y, Xc).fit(disp=0, maxiter=200)


def predict(res, X):
    return res.predict(sm.add_constant(X, has_constant="add"))


def main(args):
    adm = load_admissions(args.csv)
    adm = adm.dropna(subset=PREDICTORS + [TARGET])
    train, test = train_test_split(adm, test_size=0.25, stratify=adm[TARGET], random_state=args.seed)

    # z-scores with training means/sds so odds ratios are "per 1 SD"
    Xtr, mu, sd = standardise(train[PREDICTORS], cont_cols=["age", "los_days", "hb_discharge", "egfr", "n_meds_discharge"])
    Xte, _, _ = standardise(test[PREDICTORS], cont_cols=["age", "los_days", "hb_discharge", "egfr", "n_meds_discharge"],
                            mu=mu, sd=sd)
    ytr, yte = train[TARGET].astype(int), test[TARGET].astype(int)

    res = fit_logit(Xtr, ytr)
    print(res.summary())                                      # in-sample: coefficients / CIs for the audit
    odds = pd.DataFrame({"OR": np.exp(res.params), "lo": np.exp(res.conf_int()[0]), "hi": np.exp(res.conf_int()[1])})

    # null model (intercept only) as the baseline
    res0 = sm.Logit(ytr, np.ones((len(ytr), 1))).fit(disp=0)
    p0 = np.full(len(yte), res0.predict(np.ones((1, 1)))[0])

    p = predict(res, Xte)
    held_out = {
        "auc": roc_auc_score(yte, p),
        "brier": brier_score_loss(yte, p),
        "log_loss": log_loss(yte, p),
        "brier_null": brier_score_loss(yte, p0),
        "log_loss_null": log_loss(yte, p0),
        "n_test": int(len(yte)),
        "prevalence_test": float(yte.mean()),
    }
    frac_pos, mean_pred = calibration_curve(yte, p, n_bins=10, strategy="quantile")
    res = {"in_sample": {"pseudo_r2": res.prsquared, "aic": res.aic, "llr_pvalue": res.llr_pvalue},
           "held_out": held_out}
    print(res)
    write_report(args.out, odds=odds, metrics=res, calibration=(frac_pos, mean_pred))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/admissions_2019_2023.csv")
    ap.add_argument("--out", default="reports/readmission_logit")
    ap.add_argument("--seed", type=int, default=2718)
    main(ap.parse_args())
