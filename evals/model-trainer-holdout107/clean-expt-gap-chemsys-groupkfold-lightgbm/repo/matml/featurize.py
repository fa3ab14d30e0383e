"""Composition-only matminer features (Magpie statistics + element fractions)."""
import pandas as pd
from matminer.featurizers.base import MultipleFeaturizer
from matminer.featurizers.composition import (
    ElementFraction,
    ElementProperty,
    IonProperty,
    Stoichiometry,
    ValenceOrbital,
)
from matminer.featurizers.conversions import StrToComposition


def magpie_featurizer():
    return MultipleFeaturizer([
        ElementProperty.from_preset("magpie"),
        Stoichiometry(),
        ValenceOrbital(props=["avg", "frac"]),
        IonProperty(fast=True),
    ])


def featurize(df: pd.DataFrame, formula_col: str):
    df = StrToComposition(target_col_id="comp").featurize_dataframe(df, formula_col, ignore_errors=True)
    df = df[df["comp"].notna()].reset_index(drop=True)
    df["chemsys"] = df["comp"].map(lambda c: c.chemical_system)

    mf = magpie_featurizer()
    df = mf.featurize_dataframe(df, "comp", ignore_errors=True)
    magpie_cols = mf.feature_labels()

    ef = ElementFraction()
    df = ef.featurize_dataframe(df, "comp", ignore_errors=True)
    return df, magpie_cols, ef.feature_labels()
