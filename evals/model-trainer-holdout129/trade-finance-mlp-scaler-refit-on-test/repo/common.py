"""Shared bits for the trade-based money laundering (TBML) invoice model.

data/train.csv and data/test.csv are the 2022 and 2023 invoice extracts from the trade finance
platform (letters of credit + documentary collections), one row per invoice.
"""
import numpy as np
import pandas as pd

FEATURES = [
    "log_invoice_value_usd", "unit_price_vs_hs_median", "qty_vs_hs_median",
    "declared_vs_shipped_weight_ratio", "n_amendments", "days_lc_to_shipment",
    "transshipment_flag", "n_ports_in_route", "route_high_risk_ports", "goods_dual_use_flag",
    "applicant_beneficiary_related", "beneficiary_country_fatf_grey", "payment_third_party_flag",
]
LABEL = "tbml_confirmed"


def load(path):
    df = pd.read_csv(path)
    df["log_invoice_value_usd"] = np.log1p(df["invoice_value_usd"])
    # unit-price deviation against the HS-code reference price table (external, published yearly)
    df["unit_price_vs_hs_median"] = np.log(df["unit_price_usd"] / df["hs_reference_unit_price"])
    df["qty_vs_hs_median"] = np.log1p(df["quantity"]) - np.log1p(df["hs_reference_quantity"])
    return df[FEATURES].fillna(0.0).values.astype(np.float32), df[LABEL].values
