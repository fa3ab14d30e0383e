import numpy as np
import torch
from torch.utils.data import Dataset


def build_vocab(train_frame, cat_cols, min_count=5):
    """Index ids seen at least min_count times in training; everything else maps to 0."""
    vocab = {}
    for col in cat_cols:
        counts = train_frame[col].value_counts()
        keep = counts[counts >= min_count].index
        vocab[col] = {value: i + 1 for i, value in enumerate(keep)}
    return vocab


class ImpressionDataset(Dataset):
    def __init__(self, frame, cat_cols, num_cols, vocab):
        self.x_cat = np.stack(
            [frame[c].map(vocab[c]).fillna(0).astype(np.int64).to_numpy() for c in cat_cols], axis=1
        )
        self.x_num = frame[num_cols].to_numpy(dtype=np.float32)
        self.y = frame["clicked"].to_numpy(dtype=np.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, idx):
        return torch.from_numpy(self.x_cat[idx]), torch.from_numpy(self.x_num[idx]), torch.tensor(self.y[idx])
