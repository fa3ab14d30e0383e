import numpy as np
import torch
from torch.utils.data import Dataset


def load_split(root, split):
    clips = np.load(f"{root}/{split}_clips.npy", mmap_mode="r")  # (N, 16, 96, 96, 3) uint8
    labels = np.load(f"{root}/{split}_labels.npy")
    return clips, labels


class GestureClips(Dataset):
    def __init__(self, clips, labels, mean, std, train=False):
        self.clips, self.labels = clips, labels
        self.mean = torch.tensor(mean).view(3, 1, 1, 1)
        self.std = torch.tensor(std).view(3, 1, 1, 1)
        self.train = train

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        clip = torch.from_numpy(np.ascontiguousarray(self.clips[i])).float().div(255.0)
        clip = clip.permute(3, 0, 1, 2)  # C, T, H, W
        if self.train:
            # no horizontal flip: "swiping left" vs "swiping right" would swap
            dy, dx = np.random.randint(0, 9, size=2)
            clip = torch.nn.functional.pad(clip, (4, 4, 4, 4), mode="replicate")[:, :, dy:dy + 96, dx:dx + 96]
        return (clip - self.mean) / self.std, int(self.labels[i])
