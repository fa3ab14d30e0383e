"""Effect of the Q3-2023 everyday-low-price (EDLP) pilot on category units.

40 pilot stores switched the bakery category from hi-lo promotions to EDLP in week 2023-07-03;
~160 comparable stores kept hi-lo. Two-way fixed-effects difference-in-differences on
store x week log units, SEs clustered by store. Event-study leads check parallel trends.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

PILOT_START = pd.Timestamp("2023-07-03")
WINDOW = (pd.Timestamp("2022-07-04"), pd.Timestamp("2024-01-01"))

sales = pd.read_csv("data/bakery_store_week.csv", parse_dates=["week_start"])
stores = pd.read_csv("data/store_attributes.csv")
df = sales.merge(stores[["store_id", "edlp_pilot", "region", "format"]], on="store_id", how="left")
df = df[(df["week_start"] >= WINDOW[0]) & (df["week_start"] < WINDOW[1])].copy()

df["log_units"] = np.log1p(df["units_sold"])
df["post"] = (df["week_start"] >= PILOT_START).astype(int)
df["treat_post"] = df["edlp_pilot"] * df["post"]
df["rel_week"] = ((df["week_start"] - PILOT_START).dt.days // 7).clip(-12, 12)

# --- main DiD -------------------------------------------------------------------------
did = smf.ols(
    "log_units ~ treat_post + C(store_id) + C(week_start) + region:C(week_start)",
    data=df,
).fit(cov_type="cluster", cov_kwds={"groups": df["store_id"]})

b, se = did.params["treat_post"], did.bse["treat_post"]
lo, hi = did.conf_int().loc["treat_post"]
print(f"EDLP effect on log units: {b:.4f} (se {se:.4f}), 95% CI [{lo:.4f}, {hi:.4f}]")
print(f"  => {np.expm1(b):+.1%} units")

# --- event study ------------------------------------------------------------------------
es = df.copy()
for k in range(-12, 13):
    if k == -1:
        continue
    name = f"ev_m{abs(k)}" if k < 0 else f"ev_p{k}"
    es[name] = ((es["rel_week"] == k) & (es["edlp_pilot"] == 1)).astype(int)
ev_terms = [c for c in es.columns if c.startswith("ev_")]
es_fit = smf.ols(
    "log_units ~ " + " + ".join(ev_terms) + " + C(store_id) + C(week_start)",
    data=es,
).fit(cov_type="cluster", cov_kwds={"groups": es["store_id"]})

leads = [c for c in ev_terms if c.startswith("ev_m")]
wald = es_fit.wald_test(" = 0, ".join(leads) + " = 0", scalar=True)
print(f"joint test of pre-period leads: F={wald.statistic:.2f}, p={wald.pvalue:.3f}")

# --- placebo: fake start 26 weeks earlier, pre-period data only ---------------------------
pre = df[df["week_start"] < PILOT_START].copy()
fake = PILOT_START - pd.Timedelta(weeks=26)
pre["fake_treat_post"] = pre["edlp_pilot"] * (pre["week_start"] >= fake).astype(int)
plac = smf.ols("log_units ~ fake_treat_post + C(store_id) + C(week_start)", data=pre).fit(
    cov_type="cluster", cov_kwds={"groups": pre["store_id"]}
)
print(f"placebo effect: {plac.params['fake_treat_post']:.4f} (p={plac.pvalues['fake_treat_post']:.3f})")

coef = es_fit.params[ev_terms].rename("coef").to_frame()
coef["se"] = es_fit.bse[ev_terms]
coef.to_csv("artifacts/edlp_event_study.csv")
