"""Feature engineering for bulk RNA-seq expression matrices."""
import numpy as np
import pandas as pd
from sklearn.feature_selection import f_classif


def log_cpm(counts: pd.DataFrame, pseudocount: float = 1.0) -> pd.DataFrame:
    """Counts-per-million followed by log2; computed independently for each sample."""
    lib_size = counts.sum(axis=1)
    cpm = counts.div(lib_size, axis=0) * 1e6
    return np.log2(cpm + pseudocount)


def drop_constant_genes(expr: pd.DataFrame) -> pd.DataFrame:
    return expr.loc[:, expr.nunique(axis=0) > 1]


def select_top_genes(expr: pd.DataFrame, y: np.ndarray, k: int = 500):
    """Rank genes by ANOVA F statistic between classes and keep the top k."""
    expr = drop_constant_genes(expr)
    f_stat, p_val = f_classif(expr.to_numpy(), y)
    f_stat = np.nan_to_num(f_stat, nan=0.0)
    order = np.argsort(f_stat)[::-1][:k]
    genes = expr.columns[order]
    ranking = pd.DataFrame({"gene": genes, "F": f_stat[order], "p": p_val[order]})
    return expr[genes], ranking
