"""Features describing one extracted invoice (header fields + line items) for review-risk scoring."""
import numpy as np
import pandas as pd

FIELDS = ["invoice_no", "invoice_date", "vendor_name", "vat_id", "net_total", "vat_total", "gross_total"]


def extraction_features(df: pd.DataFrame) -> pd.DataFrame:
    f = pd.DataFrame(index=df.index)
    for field in FIELDS:
        f[f"{field}_conf"] = df[f"{field}_conf"]
        f[f"{field}_missing"] = df[field].isna().astype(int)
    f["min_field_conf"] = df[[f"{c}_conf" for c in FIELDS]].min(axis=1)
    f["n_line_items"] = df["n_line_items"]
    f["line_sum_gap"] = (df["line_items_sum"] - df["net_total"]).abs() / df["net_total"].abs().clip(lower=1)
    f["vat_gap"] = (df["net_total"] + df["vat_total"] - df["gross_total"]).abs()
    f["n_pages"] = df["n_pages"]
    f["is_scanned"] = (df["source"] == "scan").astype(int)
    f["ocr_mean_conf"] = df["ocr_mean_conf"]
    f["log_gross"] = np.log1p(df["gross_total"].abs())
    return f


def add_vendor_history(df: pd.DataFrame, feats: pd.DataFrame, label: str) -> pd.DataFrame:
    """Vendor-level priors: how often this vendor's invoices end up in manual review."""
    feats = feats.copy()
    vendor = df["vendor_id"].fillna("unknown")
    counts = vendor.map(vendor.value_counts())
    rate = df.groupby(vendor)[label].transform("mean")
    prior = df[label].mean()
    k = 20
    feats["vendor_review_rate"] = (rate * counts + prior * k) / (counts + k)
    feats["vendor_n_invoices"] = counts
    return feats
