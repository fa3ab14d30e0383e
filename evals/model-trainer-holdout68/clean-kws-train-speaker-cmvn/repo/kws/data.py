import numpy as np
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset

from .norm import apply_cmvn


def split_speakers(manifest, test_size, val_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    rest_idx, test_idx = next(gss.split(manifest, groups=manifest["speaker_id"]))
    rest, test = manifest.iloc[rest_idx], manifest.iloc[test_idx]
    gss = GroupShuffleSplit(n_splits=1, test_size=val_size / (1 - test_size), random_state=seed + 1)
    tr_idx, val_idx = next(gss.split(rest, groups=rest["speaker_id"]))
    train, val = rest.iloc[tr_idx], rest.iloc[val_idx]
    assert not set(train.speaker_id) & set(test.speaker_id)
    assert not set(val.speaker_id) & set(test.speaker_id)
    return train, val, test


class CachedLogMel(Dataset):
    def __init__(self, frame, feature_dir, stats, label_to_idx):
        self.utts = frame["utt_id"].tolist()
        self.targets = [label_to_idx[l] for l in frame["label"]]
        self.feature_dir, self.stats = feature_dir, stats

    def __len__(self):
        return len(self.utts)

    def __getitem__(self, i):
        f = np.load(f"{self.feature_dir}/{self.utts[i]}.npy")
        return torch.from_numpy(apply_cmvn(f, self.stats)), self.targets[i]
