"""Beta-blocker at discharge after MI with preserved EF and 1-year mortality: IPTW analysis.

Propensity model: spline logistic regression on all eligible patients.
Uncertainty: nonparametric bootstrap that re-estimates the propensity model in every replicate.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score

PS_FORMULA = (
    "bb_at_discharge ~ cr(age, df=4) + female + cr(egfr, df=3) + cr(heart_rate_dc, df=3)"
    " + sbp_dc + copd + asthma + diabetes + prior_mi + pci_index + stemi + C(calendar_year)"
)
COVARIATES = ["age", "female", "egfr", "heart_rate_dc", "sbp_dc", "copd", "asthma", "diabetes",
              "prior_mi", "pci_index", "stemi"]


@dataclass
class IPTWAnalysis:
    data: pd.DataFrame
    treatment: str = "bb_at_discharge"
    outcome: str = "death_1y"
    trim: float = 0.01

    def propensity(self, df):
        fit = smf.glm(PS_FORMULA, data=df, family=sm.families.Binomial()).fit()
        return np.clip(np.asarray(fit.predict(df)), self.trim, 1 - self.trim)

    def weights(self, df, ps):
        a = df[self.treatment].to_numpy()
        pa = a.mean()
        return np.where(a == 1, pa / ps, (1 - pa) / (1 - ps))

    def risk_difference(self, df, w):
        a = df[self.treatment].to_numpy() == 1
        y = df[self.outcome].to_numpy()
        return np.average(y[a], weights=w[a]) - np.average(y[~a], weights=w[~a])

    def balance(self, df, w):
        a = df[self.treatment].to_numpy() == 1
        rows = {}
        for c in COVARIATES:
            x = df[c].to_numpy(dtype=float)
            def smd(wt):
                m1, m0 = np.average(x[a], weights=wt[a]), np.average(x[~a], weights=wt[~a])
                v1 = np.average((x[a] - m1) ** 2, weights=wt[a])
                v0 = np.average((x[~a] - m0) ** 2, weights=wt[~a])
                return (m1 - m0) / np.sqrt((v1 + v0) / 2)
            rows[c] = {"crude": smd(np.ones_like(x)), "weighted": smd(w)}
        return pd.DataFrame(rows).T

    def run(self, n_boot=500, seed=1905):
        df = self.data
        ps = self.propensity(df)
        w = self.weights(df, ps)
        print("PS c-statistic (overlap check):", round(roc_auc_score(df[self.treatment], ps), 3))
        print("ESS treated/untreated:",
              [round(w[m].sum() ** 2 / (w[m] ** 2).sum()) for m in (df[self.treatment] == 1, df[self.treatment] == 0)])
        bal = self.balance(df, w)
        rd = self.risk_difference(df, w)

        rng = np.random.default_rng(seed)
        boot = []
        for _ in range(n_boot):
            b = df.iloc[rng.integers(0, len(df), len(df))].reset_index(drop=True)
            ps_b = self.propensity(b)
            boot.append(self.risk_difference(b, self.weights(b, ps_b)))
        return rd, np.percentile(boot, [2.5, 97.5]), bal


if __name__ == "__main__":
    cohort = pd.read_csv("data/mi_pef_discharges_2010_2020.csv")
    cohort = cohort[(cohort["lvef"] >= 50) & (cohort["alive_at_discharge"] == 1)]
    cohort = cohort.dropna(subset=COVARIATES + ["bb_at_discharge", "death_1y", "calendar_year"])
    cohort = cohort.reset_index(drop=True)

    rd, ci, bal = IPTWAnalysis(cohort).run()
    print(bal.round(3))
    print(f"1-year mortality risk difference (BB - no BB): {rd:.4f}, 95% CI {ci[0]:.4f} to {ci[1]:.4f}")
    bal.to_csv("results/balance_table.csv")
