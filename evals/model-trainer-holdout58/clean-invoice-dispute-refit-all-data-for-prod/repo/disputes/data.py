from __future__ import annotations

import pandas as pd

ID_COLUMNS = ["invoice_id", "customer_id", "issued_at"]
CATEGORICAL = ["currency", "payment_terms", "billing_country", "product_family"]


def load_invoices(path: str, target: str) -> tuple[pd.DataFrame, pd.Series]:
    df = pd.read_parquet(path)
    df[CATEGORICAL] = df[CATEGORICAL].astype("category")
    df["lines_per_k"] = df["line_items"] / (df["amount"] / 1000).clip(lower=0.01)
    df["has_po_number"] = df["po_number"].notna().astype(int)
    y = df.pop(target).astype(int)
    return df.drop(columns=ID_COLUMNS + ["po_number"]), y
