import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import TensorDataset

TAB_COLS = [
    "years_experience", "num_prev_roles", "avg_tenure_months", "has_degree", "has_masters",
    "skills_match_pct", "assessment_score", "referral", "internal_candidate",
    "applied_within_7d", "resume_len_tokens", "gap_months",
]


def load_splits(meta_path, emb_path, seed):
    meta = pd.read_parquet(meta_path)
    emb = np.load(emb_path).astype(np.float32)       # row-aligned with meta
    y = (meta["screen_outcome"] == "advance").to_numpy(np.float32)
    tab = meta[TAB_COLS].fillna(0).to_numpy(np.float32)

    idx = np.arange(len(meta))
    tr, te = train_test_split(idx, test_size=0.15, stratify=y, random_state=seed)
    tr, va = train_test_split(tr, test_size=0.15, stratify=y[tr], random_state=seed)

    mu, sd = tab[tr].mean(0), tab[tr].std(0) + 1e-6
    tab = (tab - mu) / sd

    def ds(ix):
        return TensorDataset(torch.from_numpy(emb[ix]), torch.from_numpy(tab[ix]), torch.from_numpy(y[ix]))

    return ds(tr), ds(va), ds(te), float(y[tr].mean())
