"""CLS-pooled bge-small embeddings via plain transformers (no sentence-transformers in the prod image)."""
import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

MODEL_ID = "BAAI/bge-small-en-v1.5"


@torch.inference_mode()
def encode(texts, batch_size=64, max_length=256, device=None):
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    tok = AutoTokenizer.from_pretrained(MODEL_ID)
    model = AutoModel.from_pretrained(MODEL_ID).to(device).eval()
    chunks = []
    for i in range(0, len(texts), batch_size):
        batch = tok(texts[i:i + batch_size], padding=True, truncation=True,
                    max_length=max_length, return_tensors="pt").to(device)
        cls = model(**batch).last_hidden_state[:, 0]
        chunks.append(torch.nn.functional.normalize(cls, dim=-1).cpu().numpy())
    return np.concatenate(chunks).astype(np.float32)
