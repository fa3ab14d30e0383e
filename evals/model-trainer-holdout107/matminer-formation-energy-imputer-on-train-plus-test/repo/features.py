"""Composition featurisation with matminer (Magpie element statistics + stoichiometry)."""
import pandas as pd
from matminer.featurizers.base import MultipleFeaturizer
from matminer.featurizers.composition import ElementProperty, Stoichiometry, ValenceOrbital
from matminer.featurizers.conversions import StrToComposition


def build_featurizer() -> MultipleFeaturizer:
    return MultipleFeaturizer([
        ElementProperty.from_preset("magpie"),
        Stoichiometry(),
        ValenceOrbital(props=["frac"]),
    ])


def featurize_formulas(df: pd.DataFrame, formula_col: str = "formula", n_jobs: int = 4) -> pd.DataFrame:
    df = StrToComposition(target_col_id="composition").featurize_dataframe(df, formula_col)
    df["chemsys"] = df["composition"].map(lambda c: c.chemical_system)
    df["reduced_formula"] = df["composition"].map(lambda c: c.reduced_formula)
    featurizer = build_featurizer()
    featurizer.set_n_jobs(n_jobs)
    df = featurizer.featurize_dataframe(df, "composition", ignore_errors=True)
    return df


def feature_columns(df: pd.DataFrame, featurizer: MultipleFeaturizer = None):
    featurizer = featurizer or build_featurizer()
    return [c for c in featurizer.feature_labels() if c in df.columns]
