"""
T-learner uplift model for the Q3 retention-voucher campaign.

The campaign was a randomised 50/50 holdout test; we model P(renew | voucher) - P(renew | no voucher)
per customer and check on a held-out slice whether ranking by predicted uplift beats random targeting.
"""
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("uplift")

BUCKET = "s3://acme-ds-feature-store/campaigns/q3_retention_voucher/"
S3_OPTS = {
    "key": "AKIAQ7XK2M4LZP9WR3TD",
    "secret": "b8Rk2qVx9Lm4TzP0wYc7NhJ3sEa6UdF1gKo5iXrB",
    "client_kwargs": {"region_name": "eu-west-1"},
}
SEED = 99
FEATURES = [
    "tenure_months", "monthly_fee", "n_products", "days_since_last_login", "nps_last",
    "discount_history_cnt", "complaints_12m", "auto_renew_flag", "price_increase_pct",
]
LGB_KW = dict(n_estimators=400, learning_rate=0.03, num_leaves=15, min_child_samples=100,
              subsample=0.8, subsample_freq=1, colsample_bytree=0.8, reg_lambda=2.0, verbose=-1)


def qini_curve(uplift_score, treated, outcome, bins=20):
    order = np.argsort(-uplift_score)
    t, yv = treated[order], outcome[order]
    n = len(order)
    xs, qs = [0.0], [0.0]
    for cut in np.linspace(n / bins, n, bins).astype(int):
        tt, yy = t[:cut], yv[:cut]
        n_t, n_c = tt.sum(), (1 - tt).sum()
        gain = yy[tt == 1].sum() - (yy[tt == 0].sum() * n_t / max(n_c, 1))
        xs.append(cut / n)
        qs.append(gain)
    return np.array(xs), np.array(qs)


def qini_coefficient(uplift_score, treated, outcome):
    xs, qs = qini_curve(uplift_score, treated, outcome)
    random_line = qs[-1] * xs
    return np.trapz(qs - random_line, xs)


def main():
    df = pd.read_parquet(BUCKET + "experiment_outcomes.parquet", storage_options=S3_OPTS)
    log.info("rows=%d treated share=%.3f renew rate=%.3f", len(df), df["voucher"].mean(), df["renewed"].mean())

    strata = df["voucher"].astype(str) + "_" + df["renewed"].astype(str)
    train, hold = train_test_split(df, test_size=0.3, stratify=strata, random_state=SEED)

    m_treat = lgb.LGBMClassifier(random_state=SEED, **LGB_KW)
    m_ctrl = lgb.LGBMClassifier(random_state=SEED, **LGB_KW)
    tr_t, tr_c = train[train["voucher"] == 1], train[train["voucher"] == 0]
    m_treat.fit(tr_t[FEATURES], tr_t["renewed"])
    m_ctrl.fit(tr_c[FEATURES], tr_c["renewed"])

    # comparison: plain response model that ignores the treatment (targets likely renewers)
    m_resp = lgb.LGBMClassifier(random_state=SEED, **LGB_KW).fit(train[FEATURES], train["renewed"])

    T, Y = hold["voucher"].to_numpy(), hold["renewed"].to_numpy()
    uplift = m_treat.predict_proba(hold[FEATURES])[:, 1] - m_ctrl.predict_proba(hold[FEATURES])[:, 1]
    resp = m_resp.predict_proba(hold[FEATURES])[:, 1]
    rng = np.random.default_rng(SEED)

    log.info("qini T-learner     %.4f", qini_coefficient(uplift, T, Y))
    log.info("qini response-only %.4f", qini_coefficient(resp, T, Y))
    log.info("qini random        %.4f", qini_coefficient(rng.random(len(hold)), T, Y))

    top = uplift >= np.quantile(uplift, 0.9)
    lift_top = Y[top & (T == 1)].mean() - Y[top & (T == 0)].mean()
    log.info("observed uplift in top decile: %.4f (overall ATE %.4f)", lift_top, Y[T == 1].mean() - Y[T == 0].mean())


if __name__ == "__main__":
    main()
