"""Per-composition descriptors; each row depends only on its own formula."""
import numpy as np
import pandas as pd
from pymatgen.core import Composition, Element

PROPS = ["X", "atomic_radius_calculated", "mendeleev_no", "row", "group", "molar_volume", "melting_point"]


def _value(el: Element, prop: str) -> float:
    v = getattr(el, prop, None)
    try:
        return float(v)
    except (TypeError, ValueError):
        return np.nan


def composition_features(formula: str) -> dict:
    comp = Composition(formula).fractional_composition
    els = comp.elements
    w = np.array([comp[e] for e in els])
    feats = {"n_el": len(els), "o_frac": comp["O"] if Element("O") in els else 0.0}
    for p in PROPS:
        v = np.array([_value(e, p) for e in els])
        m = np.nansum(w * v)
        feats[f"{p}_wmean"] = m
        feats[f"{p}_wdev"] = np.nansum(w * np.abs(v - m))
        feats[f"{p}_range"] = np.nanmax(v) - np.nanmin(v)
    return feats


def chemical_system(formula: str) -> str:
    return "-".join(sorted(e.symbol for e in Composition(formula).elements))


def featurize(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([composition_features(f) for f in df["formula"]], index=df.index)
