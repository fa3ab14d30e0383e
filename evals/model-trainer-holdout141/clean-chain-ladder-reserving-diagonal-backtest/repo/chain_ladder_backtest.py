"""Paid chain ladder for the liability book, with a one-diagonal actual-vs-expected back-test.

1. build the cumulative paid triangle (accident year x development year) from payments
2. back-test: drop the latest calendar diagonal, estimate LDFs on what is left, project one
   diagonal forward and compare with what was actually paid
3. production: LDFs on the full triangle -> ultimates and IBNR at the valuation date
"""
import numpy as np
import pandas as pd

TAIL_FACTOR = 1.015          # from the 2023 reserving committee paper
N_YEARS_LDF = 5              # volume-weighted average over the latest 5 calendar periods

pay = pd.read_csv("data/liability_payments.csv", parse_dates=["accident_date", "payment_date"])
pay = pay[pay["paid_amount"] != 0]
pay["ay"] = pay["accident_date"].dt.year
pay["dev"] = pay["payment_date"].dt.year - pay["ay"] + 1
valuation_year = pay["payment_date"].dt.year.max()

incr = pay.pivot_table(index="ay", columns="dev", values="paid_amount", aggfunc="sum", fill_value=0.0)
incr = incr.loc[incr.index >= valuation_year - 14]
cum = incr.cumsum(axis=1)
ay_idx = np.asarray(cum.index)[:, None]
dev_idx = np.asarray(cum.columns)[None, :]
calendar = ay_idx + dev_idx - 1
cum = cum.where(calendar <= valuation_year)       # cells after the valuation date do not exist yet


def volume_weighted_ldfs(tri: pd.DataFrame, n_latest: int) -> pd.Series:
    cal = np.asarray(tri.index)[:, None] + np.asarray(tri.columns)[None, :] - 1
    last_cal = np.nanmax(np.where(tri.notna(), cal, np.nan))
    ldfs = {}
    for j in tri.columns[:-1]:
        a, b = tri[j], tri[j + 1]
        ok = a.notna() & b.notna() & ((a.index + j) > last_cal - n_latest)
        ldfs[j] = b[ok].sum() / a[ok].sum() if a[ok].sum() > 0 else 1.0
    return pd.Series(ldfs)


def latest_diagonal(tri: pd.DataFrame) -> pd.DataFrame:
    last_dev = tri.notna().sum(axis=1)
    vals = [tri.loc[ay, d] for ay, d in last_dev.items()]
    return pd.DataFrame({"dev": last_dev, "cum_paid": vals})


# ---- back-test on the diagonal paid in the valuation year --------------------------------
masked = cum.where(calendar <= valuation_year - 1)
masked = masked.loc[masked.notna().any(axis=1)]
ldf_bt = volume_weighted_ldfs(masked, N_YEARS_LDF)
prev = latest_diagonal(masked)
prev = prev[prev["dev"] < cum.columns.max()]
expected = prev["cum_paid"] * prev["dev"].map(ldf_bt)
actual = pd.Series({ay: cum.loc[ay, d + 1] for ay, d in prev["dev"].items()})
ave = pd.DataFrame({"expected": expected, "actual": actual})
ave["actual_minus_expected"] = ave["actual"] - ave["expected"]
ave["ratio"] = ave["actual"] / ave["expected"]
print(f"Back-test of calendar year {valuation_year} payments")
print(ave.round(0).to_string())
print("total A/E:", round(ave["actual"].sum() / ave["expected"].sum(), 4))

# ---- production reserve at the valuation date --------------------------------------------
ldf = volume_weighted_ldfs(cum, N_YEARS_LDF)
cdf = ldf[::-1].cumprod()[::-1] * TAIL_FACTOR
cdf.loc[cum.columns.max()] = TAIL_FACTOR
diag = latest_diagonal(cum)
res = diag.assign(cdf=diag["dev"].map(cdf))
res["ultimate"] = res["cum_paid"] * res["cdf"]
res["ibnr_plus_ibner"] = res["ultimate"] - res["cum_paid"]
print(pd.DataFrame({"ldf": ldf, "cdf": cdf}).round(4).to_string())
print(res.round(0).to_string())
print("total reserve:", round(res["ibnr_plus_ibner"].sum(), 0))
res.to_csv(f"output/chain_ladder_{valuation_year}.csv")
