import torch
import torch.nn as nn
import torch.nn.functional as F


class Tower(nn.Module):
    def __init__(self, n_ids, emb_dim, hidden, out_dim, dropout):
        super().__init__()
        self.emb = nn.Embedding(n_ids, emb_dim)
        self.mlp = nn.Sequential(
            nn.Linear(emb_dim, hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, out_dim),
        )

    def forward(self, ids):
        return F.normalize(self.mlp(self.emb(ids)), dim=-1)


class TwoTower(nn.Module):
    def __init__(self, n_users, n_items, emb_dim=64, hidden=256, out_dim=64,
                 dropout=0.1, temperature=0.05):
        super().__init__()
        self.user_tower = Tower(n_users, emb_dim, hidden, out_dim, dropout)
        self.item_tower = Tower(n_items, emb_dim, hidden, out_dim, dropout)
        self.temperature = temperature

    def in_batch_loss(self, users, items, item_logq):
        u = self.user_tower(users)
        v = self.item_tower(items)
        logits = u @ v.T / self.temperature
        logits = logits - item_logq.unsqueeze(0)
        labels = torch.arange(len(users), device=users.device)
        return F.cross_entropy(logits, labels)

    @torch.no_grad()
    def all_item_embeddings(self, n_items, device, chunk=8192):
        out = []
        for start in range(0, n_items, chunk):
            ids = torch.arange(start, min(start + chunk, n_items), device=device)
            out.append(self.item_tower(ids))
        return torch.cat(out)
