import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif


NOISY_PREFIXES = ("MT-", "RPL", "RPS", "HIST")


def drop_noisy_genes(expr: pd.DataFrame) -> pd.DataFrame:
    """Drop mitochondrial, ribosomal and histone genes by name."""
    return expr.loc[:, ~expr.columns.str.startswith(NOISY_PREFIXES)]


def select_top_genes(expr: pd.DataFrame, labels: pd.Series, k: int):
    selector = SelectKBest(score_func=f_classif, k=k)
    selector.fit(expr.values, labels.values)
    keep = expr.columns[selector.get_support()]
    return expr[keep], selector


def log_summary(expr: pd.DataFrame) -> str:
    return f"{expr.shape[0]} samples x {expr.shape[1]} genes, median log2TPM {np.median(expr.values):.2f}"
