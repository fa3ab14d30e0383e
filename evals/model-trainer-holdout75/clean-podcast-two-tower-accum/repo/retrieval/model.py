import torch
import torch.nn as nn
import torch.nn.functional as F


class HistoryTwoTower(nn.Module):
    def __init__(self, n_items, emb_dim, dropout, temperature):
        super().__init__()
        self.pad_idx = n_items
        self.item_emb = nn.Embedding(n_items + 1, emb_dim, padding_idx=self.pad_idx)
        self.user_mlp = nn.Sequential(nn.Linear(emb_dim, 2 * emb_dim), nn.GELU(),
                                      nn.Dropout(dropout), nn.Linear(2 * emb_dim, emb_dim))
        self.item_mlp = nn.Sequential(nn.Linear(emb_dim, emb_dim), nn.GELU(), nn.Linear(emb_dim, emb_dim))
        self.temperature = temperature

    def user_vec(self, hist):
        mask = (hist != self.pad_idx).unsqueeze(-1).float()
        pooled = (self.item_emb(hist) * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return F.normalize(self.user_mlp(pooled), dim=-1)

    def item_vec(self, items):
        return F.normalize(self.item_mlp(self.item_emb(items)), dim=-1)

    def loss(self, hist, items):
        logits = self.user_vec(hist) @ self.item_vec(items).T / self.temperature
        return F.cross_entropy(logits, torch.arange(len(items), device=items.device))
