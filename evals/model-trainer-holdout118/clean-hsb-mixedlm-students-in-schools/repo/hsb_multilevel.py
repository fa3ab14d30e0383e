"""Two-level model of math achievement (High School and Beyond, 7185 students in 160 schools).

Level 1: students, level 2: schools. Random intercept + random SES slope.
Predictive check: hold out 20% of the students in every school and predict them with
fixed effects + the estimated school effects (BLUPs).
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

SEED = 160

hsb = pd.read_csv("data/hsb.csv")  # schoolid, mathach, ses, minority, female, sector, size
print(hsb.groupby("schoolid").size().describe().round(1))

# How much of the variance sits between schools? (unconditional model, descriptive)
null = smf.mixedlm("mathach ~ 1", hsb, groups=hsb["schoolid"]).fit(reml=True)
tau00 = float(null.cov_re.iloc[0, 0])
icc = tau00 / (tau00 + null.scale)
print(f"ICC = {icc:.3f}")

train, test = train_test_split(hsb, test_size=0.2, stratify=hsb["schoolid"], random_state=SEED)
train, test = train.copy(), test.copy()

# group-mean centring of SES (within-school deviation + school mean as level-2 predictor)
school_ses = train.groupby("schoolid")["ses"].mean().rename("school_mean_ses")
for part in (train, test):
    part["school_mean_ses"] = part["schoolid"].map(school_ses)
    part["ses_cwc"] = part["ses"] - part["school_mean_ses"]

formula = "mathach ~ ses_cwc * sector + school_mean_ses + minority + female + np.log(size)"
model = smf.mixedlm(formula, train, groups=train["schoolid"], re_formula="~ses_cwc")
fit = model.fit(reml=True, method="lbfgs")
print(fit.summary())


def predict_with_blups(fit, df):
    fixed = fit.predict(df)
    re = pd.DataFrame(fit.random_effects).T  # index: schoolid, columns: Group, ses_cwc
    u0 = df["schoolid"].map(re["Group"]).fillna(0.0)
    u1 = df["schoolid"].map(re["ses_cwc"]).fillna(0.0)
    return fixed + u0 + u1 * df["ses_cwc"]


pred_fixed = fit.predict(test)
pred_full = predict_with_blups(fit, test)
for name, p in [("fixed effects only", pred_fixed), ("fixed + school BLUPs", pred_full)]:
    rmse = np.sqrt(mean_squared_error(test["mathach"], p))
    print(f"{name:22s} test RMSE {rmse:.3f}  MAE {mean_absolute_error(test['mathach'], p):.3f}")

sd_mathach = train["mathach"].std()
print(f"(predicting the training mean gives RMSE ~ {sd_mathach:.2f})")
