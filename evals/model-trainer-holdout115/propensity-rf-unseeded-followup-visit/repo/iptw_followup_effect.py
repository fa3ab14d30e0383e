"""Effect of a 7-day post-discharge clinic visit on 30-day readmission (observational, IPTW).

Propensity for receiving the early follow-up visit is estimated with a random forest; out-of-bag
probabilities are used so each patient's score comes from trees that did not see them.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

CONFOUNDERS = [
    "age", "female", "medicaid", "charlson_index", "los_days", "n_admits_12m", "n_ed_12m",
    "hf_primary_dx", "copd_primary_dx", "pneumonia_primary_dx", "discharged_home",
    "has_pcp_on_file", "distance_to_clinic_km", "adi_national_rank", "lace_score",
]
TREATMENT = "followup_within_7d"
OUTCOME = "readmit_30d"


def smd(x_t, x_c, w_t=None, w_c=None):
    m_t, m_c = np.average(x_t, weights=w_t), np.average(x_c, weights=w_c)
    v_t = np.average((x_t - m_t) ** 2, weights=w_t)
    v_c = np.average((x_c - m_c) ** 2, weights=w_c)
    return (m_t - m_c) / np.sqrt((v_t + v_c) / 2)


def balance_table(df, w):
    t = df[TREATMENT] == 1
    rows = []
    for c in CONFOUNDERS:
        rows.append({
            "covariate": c,
            "smd_unweighted": smd(df.loc[t, c], df.loc[~t, c]),
            "smd_iptw": smd(df.loc[t, c], df.loc[~t, c], w[t], w[~t]),
        })
    return pd.DataFrame(rows)


def weighted_risk_diff(df, w):
    t = df[TREATMENT] == 1
    r1 = np.average(df.loc[t, OUTCOME], weights=w[t])
    r0 = np.average(df.loc[~t, OUTCOME], weights=w[~t])
    return r1 - r0


def main(args):
    df = pd.read_csv(args.data).dropna(subset=CONFOUNDERS + [TREATMENT, OUTCOME]).reset_index(drop=True)
    X, a = df[CONFOUNDERS].to_numpy(), df[TREATMENT].to_numpy()

    ps_model = RandomForestClassifier(n_estimators=1000, min_samples_leaf=25, max_features="sqrt",
                                      oob_score=True, n_jobs=-1)
    ps_model.fit(X, a)
    ps = ps_model.oob_decision_function_[:, 1]
    ps = np.clip(ps, 0.01, 0.99)

    # stabilised ATE weights
    p_treat = a.mean()
    w = np.where(a == 1, p_treat / ps, (1 - p_treat) / (1 - ps))
    w = np.minimum(w, np.quantile(w, 0.99))

    bal = balance_table(df, w)
    print(bal.round(3).to_string(index=False))
    print("max |SMD| after weighting:", bal["smd_iptw"].abs().max().round(3))

    rd = weighted_risk_diff(df, w)
    rng = np.random.default_rng(args.seed)
    boots = []
    for _ in range(args.n_boot):
        idx = rng.integers(0, len(df), len(df))
        boots.append(weighted_risk_diff(df.iloc[idx].reset_index(drop=True), w[idx]))
    lo, hi = np.percentile(boots, [2.5, 97.5])
    print(f"IPTW risk difference: {rd:.4f} (95% CI {lo:.4f} to {hi:.4f})")
    bal.to_csv(args.balance_out, index=False)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/discharges_2021_2023.csv")
    ap.add_argument("--balance-out", default="results/balance_iptw.csv")
    ap.add_argument("--n-boot", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=8675309)
    main(ap.parse_args())
