"""Motor own-damage severity: gamma GLM with log link (statsmodels).

Train on accident years 2018-2021, test on accident year 2022. Claims are settled
claims with incurred capped at the large-loss threshold (excess modelled separately).
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

LARGE_LOSS_CAP = 25_000
VEH_AGE_BANDS = [-1, 1, 3, 6, 10, 15, 99]
DRIVER_AGE_BANDS = [16, 21, 25, 30, 40, 55, 70, 120]

claims = pd.read_csv("data/motor_od_claims.csv", parse_dates=["loss_date"])
claims = claims[(claims["status"] == "SETTLED") & (claims["incurred"] > 0)]
claims = claims.drop(columns=["claim_handler", "free_text_description", "registration"])
claims = claims.dropna(subset=["vehicle_value", "driver_age", "vehicle_age"])

claims["accident_year"] = claims["loss_date"].dt.year
claims["incurred_capped"] = claims["incurred"].clip(upper=LARGE_LOSS_CAP)
claims["log_vehicle_value"] = np.log(claims["vehicle_value"])
claims["veh_age_band"] = pd.cut(claims["vehicle_age"], VEH_AGE_BANDS).astype(str)
claims["driver_age_band"] = pd.cut(claims["driver_age"], DRIVER_AGE_BANDS).astype(str)
claims["is_weekend"] = claims["loss_date"].dt.dayofweek.isin([5, 6]).astype(int)

train = claims[claims["accident_year"].between(2018, 2021)].copy()
test = claims[claims["accident_year"] == 2022].copy()
print(f"train {len(train)}  test {len(test)}")

formula = ("incurred_capped ~ log_vehicle_value + C(veh_age_band) + C(driver_age_band)"
           " + C(body_type) + C(fuel_type) + C(cause_of_loss) + C(region) + is_weekend")
glm = smf.glm(formula, data=train,
              family=sm.families.Gamma(link=sm.families.links.Log())).fit()
print(glm.summary())

# levels not seen in training fall back to the base level
for col in ["body_type", "fuel_type", "cause_of_loss", "region"]:
    seen = set(train[col].unique())
    base = sorted(seen)[0]
    test.loc[~test[col].isin(seen), col] = base

pred = glm.predict(test)
y = test["incurred_capped"]
dev = sm.families.Gamma(link=sm.families.links.Log()).deviance(y, pred)
null_dev = sm.families.Gamma(link=sm.families.links.Log()).deviance(y, np.full(len(y), train["incurred_capped"].mean()))
print(f"test mean gamma deviance: {dev / len(y):.4f}  (train-mean baseline {null_dev / len(y):.4f})")
print(f"test MAE: {np.abs(y - pred).mean():.1f}")
print(f"test predicted/actual: {pred.sum() / y.sum():.4f}")

by_cause = test.assign(pred=pred).groupby("cause_of_loss")[["incurred_capped", "pred"]].mean()
print(by_cause.round(0))
np.exp(glm.params).rename("relativity").to_csv("output/severity_relativities.csv")
