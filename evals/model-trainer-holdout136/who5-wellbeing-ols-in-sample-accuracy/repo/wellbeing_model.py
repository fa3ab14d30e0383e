"""WHO-5 wellbeing prediction model for the annual staff survey.

The fitted model is applied to next year's survey to flag respondents whose predicted
WHO-5 percentage score falls below the screening threshold of 50, so that units can
be offered the resilience programme before the survey closes.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import mean_absolute_error, r2_score, recall_score, precision_score

WHO5 = [f"who5_{i}" for i in range(1, 6)]          # 0-5 each
DEMANDS = ["dem_workload", "dem_time_pressure", "dem_emotional", "dem_role_conflict"]
RESOURCES = ["res_autonomy", "res_supervisor", "res_colleagues", "res_development"]
COVARIATES = ["age", "female", "tenure_years", "sleep_hours", "unit_type"]
THRESHOLD = 50

df = pd.read_csv("data/staff_survey_2023.csv")
df = df.dropna(subset=WHO5 + DEMANDS + RESOURCES + COVARIATES).copy()

# WHO-5 percentage score: raw sum (0-25) x 4
df["who5_pct"] = df[WHO5].sum(axis=1) * 4
df["demands"] = df[DEMANDS].mean(axis=1)
df["resources"] = df[RESOURCES].mean(axis=1)
# centre at the scale midpoint (3 on the 1-5 response scale) before forming the interaction
df["demands_c"] = df["demands"] - 3
df["resources_c"] = df["resources"] - 3
print(f"n = {len(df)}, mean WHO-5 = {df['who5_pct'].mean():.1f}")

formula = (
    "who5_pct ~ demands_c * resources_c + C(unit_type) + age + female"
    " + tenure_years + sleep_hours"
)
ols = smf.ols(formula, data=df).fit(cov_type="HC3")
print(ols.summary())

# ---- model performance -----------------------------------------------------
pred = ols.predict(df)
r2 = r2_score(df["who5_pct"], pred)
mae = mean_absolute_error(df["who5_pct"], pred)
low_true = (df["who5_pct"] < THRESHOLD).astype(int)
low_pred = (pred < THRESHOLD).astype(int)
sens = recall_score(low_true, low_pred)
ppv = precision_score(low_true, low_pred)

print("\nPredictive performance")
print(f"  R2  = {r2:.3f}")
print(f"  MAE = {mae:.2f} WHO-5 points")
print(f"  low-wellbeing flag: sensitivity = {sens:.2f}, PPV = {ppv:.2f}")

coefs = ols.params.to_frame("coef").join(ols.conf_int().rename(columns={0: "lo", 1: "hi"}))
coefs.round(3).to_csv("outputs/who5_ols_coefficients.csv")
ols.save("models/who5_ols.pickle")
