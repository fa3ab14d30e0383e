"""Home buildings claim frequency GLM for the 2024 rate filing.

Validation: 25% of policyholders held out (all their policy-years), compared against an
intercept-only model. After sign-off the same formula is refitted on the full book to
produce the filed relativities.
"""
import argparse

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.model_selection import GroupShuffleSplit

SEED = 314159
FORMULA = (
    "claim_count ~ C(property_age_band) + C(construction) + C(roof) + C(bedrooms_band)"
    " + C(flood_zone) + C(ph_age_band) + C(voluntary_excess) + log_sum_insured + subsidence_score"
)
PROPERTY_AGE_BINS = [0, 1919, 1945, 1965, 1980, 2000, 2010, 2030]
PH_AGE_BINS = [17, 25, 35, 45, 55, 65, 75, 120]


def prepare(df):
    df = df[df["exposure"] > 0].copy()
    df["property_age_band"] = pd.cut(df["year_built"], PROPERTY_AGE_BINS).astype(str)
    df["ph_age_band"] = pd.cut(df["ph_age"], PH_AGE_BINS).astype(str)
    df["bedrooms_band"] = df["bedrooms"].clip(1, 6).astype(int).astype(str)
    df["log_sum_insured"] = np.log(df["sum_insured"])
    df["log_exposure"] = np.log(df["exposure"])
    return df


def fit_glm(formula, data):
    return smf.glm(formula, data=data, family=sm.families.Poisson(), offset=data["log_exposure"]).fit()


def poisson_deviance(y, mu):
    y, mu = np.asarray(y, float), np.asarray(mu, float)
    ylogy = np.where(y > 0, y * np.log(np.where(y > 0, y, 1) / mu), 0.0)
    return 2 * np.sum(ylogy - (y - mu)) / len(y)


def gini(claims, expected, exposure):
    o = np.argsort(np.asarray(expected) / np.asarray(exposure))
    x = np.concatenate([[0], np.cumsum(np.asarray(exposure)[o]) / np.sum(exposure)])
    y = np.concatenate([[0], np.cumsum(np.asarray(claims)[o]) / np.sum(claims)])
    return 1 - 2 * np.trapz(y, x)


def main(path, out_csv):
    book = prepare(pd.read_parquet(path))

    gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
    tr, ho = next(gss.split(book, groups=book["policyholder_id"]))
    train, holdout = book.iloc[tr], book.iloc[ho]

    glm = fit_glm(FORMULA, train)
    null = fit_glm("claim_count ~ 1", train)
    mu_glm = glm.predict(holdout, offset=holdout["log_exposure"])
    mu_null = null.predict(holdout, offset=holdout["log_exposure"])

    print(f"holdout policyholders: {holdout['policyholder_id'].nunique():,}")
    print(f"Poisson deviance  GLM {poisson_deviance(holdout['claim_count'], mu_glm):.5f}"
          f"  intercept-only {poisson_deviance(holdout['claim_count'], mu_null):.5f}")
    print(f"Gini              GLM {gini(holdout['claim_count'], mu_glm, holdout['exposure']):.4f}")
    print(f"A/E               GLM {holdout['claim_count'].sum() / mu_glm.sum():.4f}")

    filed = fit_glm(FORMULA, book)
    rels = pd.DataFrame({
        "relativity": np.exp(filed.params),
        "ci_low": np.exp(filed.conf_int()[0]),
        "ci_high": np.exp(filed.conf_int()[1]),
        "p_value": filed.pvalues,
    })
    rels.to_csv(out_csv)
    print(rels.round(3).head(20))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/home_buildings_policy_years.parquet")
    ap.add_argument("--out", default="outputs/home_frequency_relativities_2024.csv")
    a = ap.parse_args()
    main(a.data, a.out)
