import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

META_NUMERIC = ["n_authors", "n_refs", "abstract_len"]


def load_embeddings(path: str, paper_ids: pd.Series) -> np.ndarray:
    """SPECTER2 (proximity adapter) vectors stored as {corpus_id: 768-d} in an .npz."""
    store = np.load(path)
    ids = store["corpus_id"]
    vecs = store["embedding"].astype(np.float32)
    pos = pd.Series(np.arange(len(ids)), index=ids)
    return vecs[pos.loc[paper_ids.values].to_numpy()]


def standardize(X: np.ndarray) -> np.ndarray:
    """z-score every column; a handful of SPECTER dims have much larger variance than the rest."""
    scaler = StandardScaler()
    return scaler.fit_transform(X)


def metadata_block(df: pd.DataFrame) -> np.ndarray:
    m = df[META_NUMERIC].fillna(0).to_numpy(dtype=np.float32)
    return np.log1p(m)
