import torch
import torch.nn as nn
import torch.nn.functional as F


class Encoder(nn.Module):
    def __init__(self, n_buckets, dim, out_dim, dropout):
        super().__init__()
        self.bag = nn.EmbeddingBag(n_buckets, dim, mode="sum", padding_idx=0)
        self.proj = nn.Sequential(nn.LayerNorm(dim), nn.Dropout(dropout), nn.Linear(dim, out_dim))

    def forward(self, ids):
        return F.normalize(self.proj(self.bag(ids)), dim=-1)


class DualEncoder(nn.Module):
    def __init__(self, n_buckets, dim, out_dim, dropout):
        super().__init__()
        self.query = Encoder(n_buckets, dim, out_dim, dropout)
        self.episode = Encoder(n_buckets, dim, out_dim, dropout)

    def loss(self, q_ids, e_ids, temperature):
        q, e = self.query(q_ids), self.episode(e_ids)
        logits = q @ e.T / temperature
        labels = torch.arange(len(q), device=q.device)
        return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2
