"""Channel statistics for a folder of images (used for transforms.Normalize)."""
import torch
from torch.utils.data import DataLoader


def mean_std(dataset, batch_size=1024, num_workers=2):
    loader = DataLoader(dataset, batch_size=batch_size, num_workers=num_workers, shuffle=False)
    n_pixels = 0
    s = torch.zeros(1)
    s2 = torch.zeros(1)
    for images, _ in loader:
        b, c, h, w = images.shape
        flat = images.transpose(0, 1).reshape(c, -1)
        s = s + flat.sum(dim=1)
        s2 = s2 + (flat ** 2).sum(dim=1)
        n_pixels += b * h * w
    mean = s / n_pixels
    std = torch.sqrt(s2 / n_pixels - mean ** 2)
    return mean.tolist(), std.tolist()
