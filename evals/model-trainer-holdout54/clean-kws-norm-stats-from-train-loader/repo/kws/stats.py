import torch


@torch.no_grad()
def mel_bin_stats(loader):
    """Streaming per-mel-bin mean and std over all frames yielded by `loader`."""
    count, total, total_sq = 0, None, None
    for feats, _ in loader:
        frames = feats.squeeze(1).transpose(1, 2).reshape(-1, feats.shape[2])  # (B*T, n_mels)
        total = frames.sum(0) if total is None else total + frames.sum(0)
        total_sq = (frames ** 2).sum(0) if total_sq is None else total_sq + (frames ** 2).sum(0)
        count += frames.shape[0]
    mean = total / count
    std = (total_sq / count - mean ** 2).clamp_min(1e-8).sqrt()
    return mean.view(1, -1, 1), std.view(1, -1, 1)
