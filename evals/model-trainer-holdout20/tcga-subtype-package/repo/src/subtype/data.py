from pathlib import Path

import pandas as pd


def load_expression(path: str | Path) -> pd.DataFrame:
    expr = pd.read_parquet(path)
    expr.index.name = "sample_id"
    return expr


def load_labels(path: str | Path) -> pd.Series:
    lab = pd.read_csv(path, index_col="sample_id")["pam50"]
    return lab[lab != "Normal"]


def align(expr: pd.DataFrame, labels: pd.Series):
    common = expr.index.intersection(labels.index)
    return expr.loc[common], labels.loc[common]
