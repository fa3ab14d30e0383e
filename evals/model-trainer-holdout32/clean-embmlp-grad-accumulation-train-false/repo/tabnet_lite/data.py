import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset


def fit_numeric_stats(df, num_cols):
    return {c: {"median": float(df[c].median()), "mean": float(df[c].mean()), "std": float(df[c].std() or 1.0)}
            for c in num_cols}


class TabularDataset(Dataset):
    def __init__(self, df, num_cols, cat_cols, target, stats, vocab):
        num = np.stack([(df[c].fillna(stats[c]["median"]).values - stats[c]["mean"]) / stats[c]["std"]
                        for c in num_cols], axis=1)
        cat = np.stack([df[c].map(vocab[c]).fillna(0).astype(int).values for c in cat_cols], axis=1)
        self.x_num = torch.tensor(num, dtype=torch.float32)
        self.x_cat = torch.tensor(cat, dtype=torch.long)
        self.y = torch.tensor(df[target].values, dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x_num[i], self.x_cat[i], self.y[i]


def make_loader(ds, batch_size, shuffle=False, generator=None, num_workers=2):
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=generator,
                      num_workers=num_workers, drop_last=False)
