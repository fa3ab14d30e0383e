import os
import random
import re
from collections import Counter

import numpy as np
import torch
from sklearn.metrics import f1_score, precision_score, recall_score

TOKEN_RE = re.compile(r"[a-z0-9£$€]+|[!?]")
PAD, UNK = 0, 1


def seed_everything(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def tokenize(text: str) -> list:
    return TOKEN_RE.findall(text.lower())


def build_vocab(texts, min_freq: int = 2, max_size: int = 20000) -> dict:
    counter = Counter(tok for t in texts for tok in tokenize(t))
    words = [w for w, c in counter.most_common(max_size) if c >= min_freq]
    return {w: i + 2 for i, w in enumerate(words)}


def encode(texts, vocab: dict, max_len: int) -> torch.Tensor:
    out = torch.full((len(texts), max_len), PAD, dtype=torch.long)
    for i, t in enumerate(texts):
        ids = [vocab.get(tok, UNK) for tok in tokenize(t)][:max_len]
        if ids:
            out[i, : len(ids)] = torch.tensor(ids)
    return out


def evaluate(model, loader, device) -> dict:
    model.eval()
    probs, ys = [], []
    with torch.inference_mode():
        for xb, yb in loader:
            probs.append(torch.sigmoid(model(xb.to(device))).cpu())
            ys.append(yb)
    p = torch.cat(probs).numpy()
    y = torch.cat(ys).numpy().astype(int)
    pred = (p >= 0.5).astype(int)
    return {"f1": f1_score(y, pred), "precision": precision_score(y, pred, zero_division=0), "recall": recall_score(y, pred)}
