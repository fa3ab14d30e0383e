import os

import numpy as np
import torch
from torch.utils.data import Dataset

EMOTIONS = ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]
MAX_FRAMES = 300
N_FACE_FRAMES = 16


class CremaDClips(Dataset):
    """Log-mel spectrogram + per-frame face embeddings for each CREMA-D clip."""

    def __init__(self, meta, mel_dir, face_dir):
        self.meta = meta.reset_index(drop=True)
        self.mel_dir = mel_dir
        self.face_dir = face_dir

    def __len__(self):
        return len(self.meta)

    def _load_mel(self, clip):
        mel = np.load(os.path.join(self.mel_dir, f"{clip}.npy"))  # (n_mels, frames)
        mel = (mel - mel.mean()) / (mel.std() + 1e-6)
        if mel.shape[1] >= MAX_FRAMES:
            return mel[:, :MAX_FRAMES]
        return np.pad(mel, ((0, 0), (0, MAX_FRAMES - mel.shape[1])))

    def _load_faces(self, clip):
        faces = np.load(os.path.join(self.face_dir, f"{clip}.npy"))  # (frames, 512)
        idx = np.linspace(0, len(faces) - 1, N_FACE_FRAMES).round().astype(int)
        return faces[idx]

    def __getitem__(self, i):
        row = self.meta.iloc[i]
        mel = torch.from_numpy(self._load_mel(row.clip)).float().unsqueeze(0)
        faces = torch.from_numpy(self._load_faces(row.clip)).float()
        return mel, faces, EMOTIONS.index(row.emotion)


def split_by_actor(meta, n_val, n_test, seed):
    rng = np.random.default_rng(seed)
    actors = rng.permutation(meta["actor"].unique())
    test_actors = set(actors[:n_test])
    val_actors = set(actors[n_test:n_test + n_val])
    test = meta[meta["actor"].isin(test_actors)]
    val = meta[meta["actor"].isin(val_actors)]
    train = meta[~meta["actor"].isin(test_actors | val_actors)]
    return train, val, test
