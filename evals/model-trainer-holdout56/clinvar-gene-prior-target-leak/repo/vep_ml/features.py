"""Variant-level and gene-level features for missense pathogenicity models."""
import numpy as np
import pandas as pd


def population_features(df, cols):
    out = pd.DataFrame(index=df.index)
    for c in cols:
        af = df[c].fillna(0.0)
        out[f"log10_{c}"] = np.log10(af + 1e-7)
        out[f"{c}_absent"] = (df[c].isna() | (df[c] == 0)).astype(int)
    return out


def gene_context(df, label, smoothing=5.0):
    """Per-gene context: how many variants a gene has and how often they are pathogenic.

    Uses an additive-smoothed rate so genes with few variants shrink towards the global rate.
    """
    global_rate = df[label].mean()
    stats = df.groupby("gene_symbol")[label].agg(["sum", "count"])
    rate = (stats["sum"] + smoothing * global_rate) / (stats["count"] + smoothing)
    out = pd.DataFrame(index=df.index)
    out["gene_pathogenic_rate"] = df["gene_symbol"].map(rate).astype(float)
    out["gene_n_variants"] = df["gene_symbol"].map(stats["count"]).astype(float)
    return out


def build_feature_table(df, cfg):
    f = cfg["features"]
    parts = [
        df[f["scores"]].astype(float),
        population_features(df, f["population"]),
        gene_context(df, cfg["label"], f["prior_smoothing"]),
        df[["pli", "missense_z"]].astype(float),
    ]
    return pd.concat(parts, axis=1)
