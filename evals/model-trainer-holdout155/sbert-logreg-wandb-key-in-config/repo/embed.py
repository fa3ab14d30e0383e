import re

import numpy as np
from sentence_transformers import SentenceTransformer

_NOISE = re.compile(r"\b(pos|visa|mc|debit|purchase|card\s*\d{4}|\d{6,})\b", re.I)


def prepare(descriptions):
    return [re.sub(r"\s+", " ", _NOISE.sub(" ", d)).strip().lower() for d in descriptions]


def encode(descriptions, model_name, batch_size=256, normalize=True) -> np.ndarray:
    model = SentenceTransformer(model_name, device="cpu")
    return model.encode(
        prepare(descriptions),
        batch_size=batch_size,
        normalize_embeddings=normalize,
        show_progress_bar=True,
        convert_to_numpy=True,
    )
