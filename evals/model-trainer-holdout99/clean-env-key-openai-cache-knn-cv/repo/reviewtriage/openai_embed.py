"""OpenAI embeddings with a sqlite cache so re-runs don't pay for the same text twice."""
import hashlib
import json
import os
import sqlite3
from pathlib import Path

import numpy as np
from openai import OpenAI


def _client() -> OpenAI:
    api_key = os.environ.get("OPENAI_API_KEY")
    if not api_key or not api_key.startswith("sk-"):
        raise RuntimeError("OPENAI_API_KEY is not set (see .env.example)")
    return OpenAI(api_key=api_key, organization=os.environ.get("OPENAI_ORG_ID"))


class CachedEmbedder:
    def __init__(self, model: str, db_path: str | None = None):
        self.model = model
        db_path = db_path or os.environ.get("EMBED_CACHE_DB", "cache/embeddings.sqlite")
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(db_path)
        self.db.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec TEXT)")
        self._api = None

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model}\x1f{text}".encode()).hexdigest()

    def embed(self, texts, batch_size: int = 256) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        found = dict(self.db.execute(
            f"SELECT key, vec FROM emb WHERE key IN ({','.join('?' * len(set(keys)))})", list(set(keys))
        ).fetchall()) if keys else {}
        todo = [(k, t) for k, t in dict(zip(keys, texts)).items() if k not in found]
        if todo:
            self._api = self._api or _client()
            for i in range(0, len(todo), batch_size):
                chunk = todo[i:i + batch_size]
                resp = self._api.embeddings.create(model=self.model, input=[t for _, t in chunk])
                rows = [(k, json.dumps(d.embedding)) for (k, _), d in zip(chunk, resp.data)]
                self.db.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?)", rows)
                found.update(rows)
            self.db.commit()
        return np.asarray([json.loads(found[k]) for k in keys], dtype=np.float32)
