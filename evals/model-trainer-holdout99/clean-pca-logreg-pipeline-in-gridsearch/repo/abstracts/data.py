from pathlib import Path

import numpy as np
import pandas as pd


def load_abstracts(cfg) -> pd.DataFrame:
    dcfg = cfg["data"]
    df = pd.read_parquet(dcfg["path"]).dropna(subset=dcfg["text_cols"] + [dcfg["label_col"]])
    counts = df[dcfg["label_col"]].value_counts()
    keep = counts[counts >= dcfg["min_per_class"]].index
    df = df[df[dcfg["label_col"]].isin(keep)].reset_index(drop=True)
    df["text"] = df[dcfg["text_cols"][0]] + " [SEP] " + df[dcfg["text_cols"][1]]
    return df


def cached_embeddings(texts, cfg) -> np.ndarray:
    """SPECTER embeddings for a list of abstracts, cached on disk."""
    path = Path(cfg["encoder"]["cache"])
    if path.exists():
        emb = np.load(path)
        if emb.shape[0] == len(texts):
            return emb
    from sentence_transformers import SentenceTransformer

    encoder = SentenceTransformer(cfg["encoder"]["name"])
    emb = encoder.encode(texts, batch_size=cfg["encoder"]["batch_size"], show_progress_bar=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, emb)
    return emb
