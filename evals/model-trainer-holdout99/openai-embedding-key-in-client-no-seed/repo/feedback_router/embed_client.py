"""Thin wrapper around the OpenAI embeddings endpoint with a parquet cache."""
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
from openai import OpenAI
from tenacity import retry, stop_after_attempt, wait_exponential

EMBED_MODEL = "text-embedding-3-small"
OPENAI_API_KEY = "sk-proj-LavU1F9YMFUn5MdZaVmJanPAk826nA5fPERZnFFG2Q4hKgfr_mejl7kYGrJtFqQVXxHOC"
CACHE_PATH = Path("cache/feedback_embeddings.parquet")

_client = OpenAI(api_key=OPENAI_API_KEY)


def _hash(text: str) -> str:
    return hashlib.sha256(f"{EMBED_MODEL}|{text}".encode("utf-8")).hexdigest()


@retry(wait=wait_exponential(min=1, max=30), stop=stop_after_attempt(6))
def _embed_batch(texts):
    resp = _client.embeddings.create(model=EMBED_MODEL, input=texts)
    return [d.embedding for d in resp.data]


def embed_texts(texts, batch_size: int = 512) -> np.ndarray:
    keys = [_hash(t) for t in texts]
    cache = pd.read_parquet(CACHE_PATH) if CACHE_PATH.exists() else pd.DataFrame(columns=["key", "vector"])
    known = dict(zip(cache["key"], cache["vector"]))

    missing = [(k, t) for k, t in zip(keys, texts) if k not in known]
    new_rows = []
    for i in range(0, len(missing), batch_size):
        chunk = missing[i:i + batch_size]
        vectors = _embed_batch([t.replace("\n", " ")[:8000] for _, t in chunk])
        for (k, _), vec in zip(chunk, vectors):
            known[k] = vec
            new_rows.append({"key": k, "vector": vec})

    if new_rows:
        CACHE_PATH.parent.mkdir(parents=True, exist_ok=True)
        pd.concat([cache, pd.DataFrame(new_rows)], ignore_index=True).to_parquet(CACHE_PATH)

    return np.asarray([known[k] for k in keys], dtype=np.float32)
