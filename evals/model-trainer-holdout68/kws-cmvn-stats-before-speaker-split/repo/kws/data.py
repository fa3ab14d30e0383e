import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset

from .features import apply_cmvn


def speaker_split(manifest, test_size, val_size, seed):
    """Speaker-disjoint train/val/test split so no talker appears in two partitions."""
    outer = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    trval_idx, test_idx = next(outer.split(manifest, groups=manifest["speaker_id"]))
    trval = manifest.iloc[trval_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=val_size, random_state=seed)
    tr_idx, val_idx = next(inner.split(trval, groups=trval["speaker_id"]))
    return trval.iloc[tr_idx], trval.iloc[val_idx], manifest.iloc[test_idx]


class KeywordDataset(Dataset):
    def __init__(self, frame, features, mean, std, label_to_idx):
        self.keys = frame["utt_id"].tolist()
        self.labels = [label_to_idx[l] for l in frame["label"]]
        self.features = features
        self.mean, self.std = mean, std

    def __len__(self):
        return len(self.keys)

    def __getitem__(self, i):
        feats = apply_cmvn(self.features[self.keys[i]], self.mean, self.std)
        return torch.from_numpy(feats).unsqueeze(0).float(), self.labels[i]
