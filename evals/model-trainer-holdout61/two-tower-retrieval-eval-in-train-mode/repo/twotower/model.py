import torch
import torch.nn as nn
import torch.nn.functional as F


class Tower(nn.Module):
    """Hashed-token bag of embeddings followed by a small MLP."""

    def __init__(self, vocab_buckets, emb_dim, hidden_dim, out_dim, dropout):
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab_buckets, emb_dim, mode="mean", padding_idx=0)
        self.mlp = nn.Sequential(
            nn.Linear(emb_dim, hidden_dim),
            nn.LayerNorm(hidden_dim),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(hidden_dim, out_dim),
        )

    def forward(self, token_ids):
        return F.normalize(self.mlp(self.embed(token_ids)), dim=-1)


class TwoTower(nn.Module):
    def __init__(self, vocab_buckets, emb_dim, hidden_dim, out_dim, dropout):
        super().__init__()
        self.query_tower = Tower(vocab_buckets, emb_dim, hidden_dim, out_dim, dropout)
        self.doc_tower = Tower(vocab_buckets, emb_dim, hidden_dim, out_dim, dropout)

    def forward(self, query_ids, doc_ids):
        return self.query_tower(query_ids), self.doc_tower(doc_ids)


def in_batch_softmax_loss(q, d, temperature):
    logits = q @ d.T / temperature
    targets = torch.arange(q.size(0), device=q.device)
    return F.cross_entropy(logits, targets)
