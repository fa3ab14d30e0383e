import pandas as pd


def monthly_counts(fnol_path, exposure_path):
    claims = pd.read_csv(fnol_path, usecols=["claim_id", "region", "report_date"], parse_dates=["report_date"])
    exposure = pd.read_csv(exposure_path, parse_dates=["month"])
    m = (claims.assign(month=claims["report_date"].dt.to_period("M").dt.to_timestamp())
               .groupby(["region", "month"]).size().rename("n_claims").reset_index())
    m = exposure.merge(m, on=["region", "month"], how="left").fillna({"n_claims": 0})
    return m.sort_values(["region", "month"]).reset_index(drop=True)


def add_lag_features(m, lags, windows):
    m = m.copy()
    g = m.groupby("region")["n_claims"]
    for k in lags:
        m[f"lag_{k}"] = g.shift(k)
    for w in windows:
        m[f"roll_mean_{w}"] = g.transform(lambda s: s.shift(1).rolling(w).mean())
    m["month_of_year"] = m["month"].dt.month
    m["pif_k"] = m["policies_in_force"] / 1000
    m["region_code"] = m["region"].astype("category").cat.codes
    return m.dropna().reset_index(drop=True)
