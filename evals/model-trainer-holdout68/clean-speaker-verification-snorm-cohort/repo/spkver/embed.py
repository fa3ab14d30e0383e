import numpy as np
import torch
import torch.nn.functional as F


def load_fbank(feats_dir, utt):
    f = np.load(f"{feats_dir}/{utt}.npy").astype(np.float32)
    return f - f.mean(axis=0, keepdims=True)


def embed_utterances(model, utts, feats_dir, device, batch_frames=400, n_crops=5):
    """Average of evenly spaced fixed-length crops, L2-normalised."""
    model.eval()
    out = {}
    with torch.no_grad():
        for utt in utts:
            f = load_fbank(feats_dir, utt)
            if len(f) < batch_frames:
                f = np.pad(f, ((0, batch_frames - len(f)), (0, 0)), mode="wrap")
            starts = np.linspace(0, len(f) - batch_frames, n_crops).astype(int)
            crops = torch.from_numpy(np.stack([f[s:s + batch_frames] for s in starts])).to(device)
            emb = F.normalize(model(crops), dim=1).mean(0)
            out[utt] = F.normalize(emb, dim=0).cpu().numpy()
    return out
