import os
import random
import zlib

import numpy as np
import torch


def seed_everything(seed: int) -> torch.Generator:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    gen = torch.Generator()
    gen.manual_seed(seed)
    return gen


def trigram_ids(text, n_buckets, max_len=64):
    text = f"#{str(text).lower()}#"
    grams = [text[i:i + 3] for i in range(len(text) - 2)][:max_len]
    ids = [(zlib.crc32(g.encode()) % (n_buckets - 1)) + 1 for g in grams]
    return ids + [0] * (max_len - len(ids))
