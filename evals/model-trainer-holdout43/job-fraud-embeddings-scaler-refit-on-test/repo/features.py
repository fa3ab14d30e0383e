"""Feature construction: sentence embeddings of the posting text + scaled numeric metadata."""
import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.preprocessing import StandardScaler

NUMERIC_COLS = ["salary_min", "salary_max", "description_len", "n_requirements"]
FLAG_COLS = ["has_company_logo", "telecommuting", "has_questions"]
TEXT_COLS = ["title", "company_profile", "description", "requirements"]


def load_encoder(name: str = "sentence-transformers/all-mpnet-base-v2") -> SentenceTransformer:
    return SentenceTransformer(name)


def posting_text(df: pd.DataFrame) -> list:
    return df[TEXT_COLS].fillna("").agg("\n".join, axis=1).tolist()


def embed(encoder: SentenceTransformer, texts, batch_size: int = 128) -> np.ndarray:
    return encoder.encode(
        list(texts), batch_size=batch_size, convert_to_numpy=True, normalize_embeddings=True
    )


def numeric_block(df: pd.DataFrame, scaler: StandardScaler, fit: bool = False) -> np.ndarray:
    values = np.log1p(df[NUMERIC_COLS].fillna(0.0).clip(lower=0).to_numpy(dtype=np.float32))
    if fit:
        return scaler.fit_transform(values)
    return scaler.transform(values)


def build_features(df: pd.DataFrame, encoder, scaler: StandardScaler, fit: bool = False) -> np.ndarray:
    text_emb = embed(encoder, posting_text(df))
    meta = numeric_block(df, scaler, fit=fit)
    flags = df[FLAG_COLS].fillna(0).to_numpy(dtype=np.float32)
    return np.hstack([text_emb, meta, flags])
