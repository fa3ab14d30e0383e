"""Composition-based descriptors for band gap regression (Magpie-style statistics)."""
import numpy as np
import pandas as pd
from pymatgen.core import Composition
from sklearn.feature_selection import VarianceThreshold
from sklearn.preprocessing import StandardScaler

ELEMENT_PROPS = ["X", "atomic_radius", "row", "group", "mendeleev_no", "atomic_mass"]


def _prop(el, name):
    val = getattr(el, name, None)
    return np.nan if val is None else float(val)


def element_statistics(formula: str) -> dict:
    comp = Composition(formula).fractional_composition
    elements = comp.elements
    weights = np.array([comp[el] for el in elements])
    out = {"n_elements": len(elements)}
    for name in ELEMENT_PROPS:
        vals = np.array([_prop(el, name) for el in elements])
        mean = np.nansum(weights * vals)
        out[f"{name}_mean"] = mean
        out[f"{name}_min"] = np.nanmin(vals)
        out[f"{name}_max"] = np.nanmax(vals)
        out[f"{name}_range"] = np.nanmax(vals) - np.nanmin(vals)
        out[f"{name}_avgdev"] = np.nansum(weights * np.abs(vals - mean))
    return out


def featurize_compositions(formulas: pd.Series) -> pd.DataFrame:
    rows = [element_statistics(f) for f in formulas]
    return pd.DataFrame(rows, index=formulas.index)


def build_design_matrix(df: pd.DataFrame, var_threshold: float = 1e-3):
    """Featurize, drop near-constant descriptors and standardise."""
    feats = featurize_compositions(df["formula"])
    feats = feats.fillna(feats.median())

    selector = VarianceThreshold(threshold=var_threshold)
    X = selector.fit_transform(feats)
    kept = feats.columns[selector.get_support()]

    scaler = StandardScaler()
    X = scaler.fit_transform(X)
    return pd.DataFrame(X, columns=kept, index=df.index), scaler
