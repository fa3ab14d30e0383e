import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer


def build_text(df: pd.DataFrame, fields) -> pd.Series:
    parts = [df[f].fillna("").astype(str) for f in fields]
    text = parts[0]
    for p in parts[1:]:
        text = text + "\n" + p
    return text.str.slice(0, 2000)


def encode(texts, model_name, batch_size=64) -> np.ndarray:
    model = SentenceTransformer(model_name)
    return model.encode(
        list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=True
    ).astype(np.float32)
