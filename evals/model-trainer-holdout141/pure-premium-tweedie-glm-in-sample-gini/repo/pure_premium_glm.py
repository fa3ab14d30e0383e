"""Pure premium Tweedie GLM on the French MTPL portfolio (freMTPL2freq + freMTPL2sev).

Produces rating relativities and a model validation pack (deviance, Gini, lift by decile).
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

freq = pd.read_csv("data/freMTPL2freq.csv")
sev = pd.read_csv("data/freMTPL2sev.csv")

# many claims per policy -> aggregate claim amounts to policy level
agg = sev.groupby("IDpol", as_index=False)["ClaimAmount"].sum()
df = freq.merge(agg, on="IDpol", how="left").fillna({"ClaimAmount": 0.0})
df["Exposure"] = df["Exposure"].clip(upper=1.0)
df["ClaimAmount"] = df["ClaimAmount"].clip(upper=200_000)   # large-loss cap, excess loaded separately
df["PurePremium"] = df["ClaimAmount"] / df["Exposure"]

# standard banding used by pricing
df["VehAgeBand"] = pd.cut(df["VehAge"], [-1, 0, 2, 5, 10, 15, 100]).astype(str)
df["DrivAgeBand"] = pd.cut(df["DrivAge"], [17, 21, 26, 31, 41, 51, 71, 120]).astype(str)
df["BonusMalusCap"] = df["BonusMalus"].clip(upper=150)
df["LogDensity"] = np.log(df["Density"])

formula = ("PurePremium ~ C(VehAgeBand) + C(DrivAgeBand) + BonusMalusCap + LogDensity"
           " + C(VehGas) + C(VehBrand) + C(Area) + C(Region) + VehPower")

glm = smf.glm(
    formula,
    data=df,
    family=sm.families.Tweedie(var_power=1.6, link=sm.families.links.Log()),
    var_weights=df["Exposure"],
).fit()
print(glm.summary())


def gini(actual, pred, weight):
    order = np.argsort(pred)
    a, w = actual[order] * weight[order], weight[order]
    cum_w = np.cumsum(w) / w.sum()
    cum_a = np.cumsum(a) / a.sum()
    return 1 - 2 * np.trapz(cum_a, cum_w)


df["pred_pp"] = glm.predict(df)
g = gini(df["PurePremium"].values, df["pred_pp"].values, df["Exposure"].values)
print(f"Gini: {g:.4f}")
print(f"Deviance explained: {1 - glm.deviance / glm.null_deviance:.4f}")

df["decile"] = pd.qcut(df["pred_pp"].rank(method="first"), 10, labels=False) + 1
lift = df.groupby("decile").apply(
    lambda d: pd.Series({
        "exposure": d["Exposure"].sum(),
        "actual_pp": d["ClaimAmount"].sum() / d["Exposure"].sum(),
        "pred_pp": (d["pred_pp"] * d["Exposure"]).sum() / d["Exposure"].sum(),
    })
)
print(lift.round(2))

rel = np.exp(glm.params).rename("relativity")
rel.to_csv("output/relativities.csv")
lift.to_csv("output/lift_by_decile.csv")
