"""Loading and normalisation of bulk RNA-seq counts for subtype classification."""
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder, StandardScaler


def load_counts(counts_path, labels_path, label_col):
    counts = pd.read_csv(counts_path, sep="\t", index_col=0).T  # genes x samples on disk
    labels = pd.read_csv(labels_path, sep="\t", index_col="sample_id")[label_col].dropna()
    counts = counts.loc[counts.index.intersection(labels.index)]
    return counts, labels.loc[counts.index]


def log_cpm(counts: pd.DataFrame) -> pd.DataFrame:
    """Per-sample library-size normalisation followed by log2(CPM + 1)."""
    lib_size = counts.sum(axis=1)
    cpm = counts.div(lib_size, axis=0) * 1e6
    return np.log2(cpm + 1.0)


def top_variable_genes(expr: pd.DataFrame, n_genes: int):
    return expr.var(axis=0).sort_values(ascending=False).index[:n_genes]


def standardise(X):
    scaler = StandardScaler()
    return scaler.fit_transform(X).astype(np.float32), scaler


def split(expr, labels, seed, val_size, test_size):
    enc = LabelEncoder().fit(labels)
    y = enc.transform(labels)
    X_tmp, X_test, y_tmp, y_test = train_test_split(
        expr, y, test_size=test_size, stratify=y, random_state=seed
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=val_size / (1 - test_size), stratify=y_tmp, random_state=seed
    )
    return (X_train, y_train), (X_val, y_val), (X_test, y_test), enc
