"""Sourdough starter activity: which feeding conditions get the starter to double within 8 hours?

Bakery log of ~2,400 feedings across 9 starters (rye, wholewheat, white). We want a model the bakers can
use at feeding time ("will it be ready for the 6am mix?") and the odds ratios for the write-up.
"""
import argparse

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, confusion_matrix, roc_auc_score


def load_log(path):
    log = pd.read_csv(path, parse_dates=["fed_at"])
    log["hydration"] = log["water_g"] / log["flour_g"]
    log["ratio"] = log["flour_g"] / log["seed_g"]          # 1:5:5 -> 5
    log["log_ratio"] = np.log(log["ratio"])
    log["hours_since_last"] = log["hours_since_last"].clip(upper=72)
    log["doubled_8h"] = (log["hours_to_double"] <= 8).astype(int)
    return log


def main(path):
    feedings = load_log(path)
    print(feedings["doubled_8h"].value_counts())

    formula = ("doubled_8h ~ C(flour_type) + hydration + log_ratio + room_temp_c + I(room_temp_c**2)"
               " + water_temp_c + hours_since_last + C(starter_id)")
    fit = smf.logit(formula, data=feedings).fit(disp=0)
    null = smf.logit("doubled_8h ~ 1", data=feedings).fit(disp=0)
    print(fit.summary())

    odds = np.exp(fit.params).rename("odds_ratio")
    ci = np.exp(fit.conf_int()).rename(columns={0: "lo", 1: "hi"})
    print(pd.concat([odds, ci], axis=1).round(3))

    p_hat = fit.predict(feedings)
    p_null = null.predict(feedings)
    print("McFadden pseudo-R2 %.3f" % fit.prsquared)
    print("AUC    model %.3f | intercept-only %.3f" % (roc_auc_score(feedings["doubled_8h"], p_hat),
                                                      roc_auc_score(feedings["doubled_8h"], p_null)))
    print("Brier  model %.3f | intercept-only %.3f" % (brier_score_loss(feedings["doubled_8h"], p_hat),
                                                      brier_score_loss(feedings["doubled_8h"], p_null)))
    print(confusion_matrix(feedings["doubled_8h"], (p_hat > 0.5).astype(int)))

    fit.save("starter_logit.pickle")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    main(ap.parse_args().csv)
