import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline


def three_way_group_split(df, group_col, test_size, val_size, seed):
    """train / val / test with no customer shared between parts."""
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    dev_i, test_i = next(gss.split(df, groups=df[group_col]))
    dev, test = df.iloc[dev_i], df.iloc[test_i]
    gss2 = GroupShuffleSplit(n_splits=1, test_size=val_size / (1 - test_size), random_state=seed + 1)
    tr_i, val_i = next(gss2.split(dev, groups=dev[group_col]))
    return dev.iloc[tr_i], dev.iloc[val_i], test


def text_encoder(p, seed):
    t = p["tfidf"]
    return make_pipeline(
        TfidfVectorizer(analyzer=t["analyzer"], ngram_range=tuple(t["ngram_range"]),
                        min_df=t["min_df"], max_features=t["max_features"], sublinear_tf=True),
        TruncatedSVD(n_components=p["svd_dim"], random_state=seed),
    )


def numeric_block(df: pd.DataFrame) -> np.ndarray:
    amt = df["amount"].to_numpy(dtype=float)
    return np.column_stack([np.log1p(np.abs(amt)), amt > 0, df["mcc"].fillna(-1).to_numpy()])
