import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Projection(nn.Module):
    def __init__(self, in_dim, hidden, out_dim, dropout):
        super().__init__()
        self.fc1 = nn.Linear(in_dim, hidden)
        self.fc2 = nn.Linear(hidden, out_dim)
        self.drop = nn.Dropout(dropout)
        self.norm = nn.LayerNorm(out_dim)

    def forward(self, x):
        return F.normalize(self.norm(self.fc2(self.drop(F.gelu(self.fc1(x))))), dim=-1)


class AudioTextHeads(nn.Module):
    def __init__(self, audio_dim, text_dim, embed_dim, hidden, dropout, init_temperature):
        super().__init__()
        self.audio = Projection(audio_dim, hidden, embed_dim, dropout)
        self.text = Projection(text_dim, hidden, embed_dim, dropout)
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / init_temperature)))

    def forward(self, audio, text):
        za, zt = self.audio(audio), self.text(text)
        logits = self.logit_scale.exp().clamp(max=100) * za @ zt.t()
        labels = torch.arange(len(za), device=za.device)
        return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.t(), labels)) / 2


def text_to_audio_recall(za, zt, owner, ks=(1, 5, 10)):
    """zt: one row per caption; owner[i] is the index of the clip caption i describes."""
    sims = F.normalize(zt, dim=-1) @ F.normalize(za, dim=-1).t()
    top = sims.topk(max(ks), dim=1).indices
    hit = top == owner[:, None]
    rank = torch.where(hit.any(1), hit.float().argmax(1), torch.full_like(owner, max(ks)))
    out = {f"R@{k}": hit[:, :k].any(1).float().mean().item() for k in ks}
    out["mAP@10"] = torch.where(rank < 10, 1.0 / (rank + 1).float(), torch.zeros_like(rank, dtype=torch.float)).mean().item()
    return out
