"""Repeated-measures model of student exhaustion (MBI-SS) across four in-semester waves.

Each student answered in weeks 2, 6, 10 and 14. A random intercept per student absorbs the
stable between-person differences. Out-of-sample accuracy is checked on students who were
never seen in fitting, using the fixed-effects (population-level) prediction.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

SEED = 61
EXH_ITEMS = [f"mbiss_ex{i}" for i in range(1, 6)]     # 0-6

df = pd.read_csv("data/semester_waves_2023.csv")
df["exhaustion"] = df[EXH_ITEMS].mean(axis=1)
df = df.dropna(subset=["exhaustion", "study_hours", "sleep_hours", "exam_week", "peer_support"])
df["week_c"] = (df["week"] - 8) / 4          # centre on mid-semester, units of one wave gap
df["sleep_dev"] = df["sleep_hours"] - 7      # deviation from the recommended 7 h
print(df.groupby("week")["exhaustion"].describe().round(2))

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
tr_idx, te_idx = next(gss.split(df, groups=df["student_id"]))
train, test = df.iloc[tr_idx], df.iloc[te_idx]
print(f"train students {train.student_id.nunique()}, test students {test.student_id.nunique()}")

formula = (
    "exhaustion ~ week_c + I(week_c**2) + study_hours + sleep_dev + exam_week"
    " + peer_support + female + first_year"
)
mixed = smf.mixedlm(formula, data=train, groups=train["student_id"], re_formula="1").fit(
    reml=True, method="lbfgs"
)
print(mixed.summary())
icc = mixed.cov_re.iloc[0, 0] / (mixed.cov_re.iloc[0, 0] + mixed.scale)
print(f"ICC (train) = {icc:.2f}")

ols = smf.ols(formula, data=train).fit(cov_type="cluster", cov_kwds={"groups": train["student_id"]})

pred_mixed = mixed.predict(test)
pred_ols = ols.predict(test)
pred_null = np.full(len(test), train["exhaustion"].mean())
for name, pred in [("mixed (fixed part)", pred_mixed), ("pooled OLS", pred_ols), ("train mean", pred_null)]:
    print(f"{name:20s} MAE={mean_absolute_error(test['exhaustion'], pred):.3f} "
          f"R2={r2_score(test['exhaustion'], pred):.3f}")
