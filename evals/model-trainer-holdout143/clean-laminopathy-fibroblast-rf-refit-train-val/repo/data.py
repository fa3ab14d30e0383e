import numpy as np
import pandas as pd

ID_COLS = ["plate", "well", "site_count", "donor_id", "sex", "age", "lmna_carrier", "mutation"]


def load_wells(cfg):
    wells = pd.read_csv(cfg["data"]["wells"])
    donors = pd.read_csv(cfg["data"]["donors"])
    df = wells.merge(donors, on="donor_id", how="inner", validate="many_to_one")
    df = df[df["site_count"] >= 6].reset_index(drop=True)  # wells with too few in-focus sites
    feat_cols = [c for c in df.columns if c not in ID_COLS and not c.startswith("Metadata_")]
    return df, feat_cols


def donor_split(df, group_col, label_col, test_frac, val_frac, seed):
    """Split donors (not wells) stratified by carrier status: train / val / test."""
    rng = np.random.default_rng(seed)
    donor_lab = df.groupby(group_col)[label_col].first()
    parts = {"train": [], "val": [], "test": []}
    for _, ids in donor_lab.groupby(donor_lab):
        ids = ids.index.to_numpy().copy()
        rng.shuffle(ids)
        n_test = max(1, round(len(ids) * test_frac))
        n_val = max(1, round(len(ids) * val_frac))
        parts["test"] += list(ids[:n_test])
        parts["val"] += list(ids[n_test:n_test + n_val])
        parts["train"] += list(ids[n_test + n_val:])
    return {k: df[df[group_col].isin(v)].reset_index(drop=True) for k, v in parts.items()}
