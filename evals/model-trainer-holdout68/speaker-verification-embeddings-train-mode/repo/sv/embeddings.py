import numpy as np
import torch
import torch.nn.functional as F


def load_feats(feats_dir, utt):
    return np.load(f"{feats_dir}/{utt}.npy").astype(np.float32)


@torch.no_grad()
def extract_embeddings(model, utts, feats_dir, device, max_frames=3000):
    """Full-utterance embeddings, L2-normalised, keyed by utterance id."""
    embs = {}
    for utt in utts:
        feats = load_feats(feats_dir, utt)[:max_frames]
        feats = feats - feats.mean(axis=0, keepdims=True)
        x = torch.from_numpy(feats).unsqueeze(0).to(device)
        embs[utt] = F.normalize(model(x), dim=1).squeeze(0).cpu().numpy()
    return embs


def score_trials(trials, embs):
    return np.array([float(np.dot(embs[a], embs[b])) for a, b in zip(trials["enroll"], trials["test"])])
