"""Per-applicant aggregates of the Home Credit side tables.

Every aggregate is grouped by SK_ID_CURR, i.e. it only summarises that applicant's own
credit history. Nothing here uses TARGET or statistics pooled across applicants.
"""
import numpy as np
import pandas as pd


def _flatten(agg: pd.DataFrame, prefix: str) -> pd.DataFrame:
    agg.columns = [f"{prefix}_{a}_{b}".upper() for a, b in agg.columns]
    return agg


def bureau_features(bureau: pd.DataFrame, bureau_balance: pd.DataFrame) -> pd.DataFrame:
    bb = bureau_balance.assign(late=bureau_balance["STATUS"].isin(list("12345")).astype(int))
    bb_agg = bb.groupby("SK_ID_BUREAU").agg(bb_months=("MONTHS_BALANCE", "size"), bb_late_share=("late", "mean"))
    b = bureau.join(bb_agg, on="SK_ID_BUREAU")
    b["debt_credit_ratio"] = b["AMT_CREDIT_SUM_DEBT"] / b["AMT_CREDIT_SUM"].replace(0, np.nan)
    b["is_active"] = (b["CREDIT_ACTIVE"] == "Active").astype(int)
    agg = b.groupby("SK_ID_CURR").agg({
        "DAYS_CREDIT": ["min", "max", "mean"],
        "CREDIT_DAY_OVERDUE": ["max", "mean"],
        "AMT_CREDIT_SUM": ["sum", "mean"],
        "AMT_CREDIT_SUM_DEBT": ["sum", "max"],
        "debt_credit_ratio": ["mean", "max"],
        "is_active": ["sum", "mean"],
        "bb_late_share": ["mean", "max"],
        "bb_months": ["sum"],
    })
    return _flatten(agg, "bureau")


def previous_features(prev: pd.DataFrame) -> pd.DataFrame:
    p = prev.copy()
    p["app_credit_ratio"] = p["AMT_APPLICATION"] / p["AMT_CREDIT"].replace(0, np.nan)
    p["refused"] = (p["NAME_CONTRACT_STATUS"] == "Refused").astype(int)
    p["approved"] = (p["NAME_CONTRACT_STATUS"] == "Approved").astype(int)
    agg = p.groupby("SK_ID_CURR").agg({
        "AMT_ANNUITY": ["mean", "max"],
        "AMT_APPLICATION": ["mean", "max"],
        "app_credit_ratio": ["mean", "min"],
        "DAYS_DECISION": ["min", "max"],
        "CNT_PAYMENT": ["mean", "sum"],
        "refused": ["sum", "mean"],
        "approved": ["sum", "mean"],
    })
    return _flatten(agg, "prev")


def installment_features(inst: pd.DataFrame) -> pd.DataFrame:
    i = inst.copy()
    i["days_past_due"] = (i["DAYS_ENTRY_PAYMENT"] - i["DAYS_INSTALMENT"]).clip(lower=0)
    i["paid_share"] = i["AMT_PAYMENT"] / i["AMT_INSTALMENT"].replace(0, np.nan)
    i["underpaid"] = (i["paid_share"] < 0.99).astype(int)
    recent = i[i["DAYS_INSTALMENT"] > -365]
    agg = i.groupby("SK_ID_CURR").agg({"days_past_due": ["max", "mean"], "paid_share": ["mean", "min"], "underpaid": ["sum", "mean"]})
    agg = _flatten(agg, "inst")
    agg["INST_RECENT_DPD_MEAN"] = recent.groupby("SK_ID_CURR")["days_past_due"].mean()
    return agg


def application_features(app: pd.DataFrame) -> pd.DataFrame:
    a = app.copy()
    a["DAYS_EMPLOYED"] = a["DAYS_EMPLOYED"].replace(365243, np.nan)
    a["credit_income"] = a["AMT_CREDIT"] / a["AMT_INCOME_TOTAL"]
    a["annuity_income"] = a["AMT_ANNUITY"] / a["AMT_INCOME_TOTAL"]
    a["credit_term"] = a["AMT_ANNUITY"] / a["AMT_CREDIT"]
    a["employed_share"] = a["DAYS_EMPLOYED"] / a["DAYS_BIRTH"]
    a["ext_mean"] = a[["EXT_SOURCE_1", "EXT_SOURCE_2", "EXT_SOURCE_3"]].mean(axis=1)
    a["ext_prod"] = a["EXT_SOURCE_1"] * a["EXT_SOURCE_2"] * a["EXT_SOURCE_3"]
    return a
