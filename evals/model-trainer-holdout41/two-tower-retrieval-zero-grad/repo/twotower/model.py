import torch
import torch.nn as nn
import torch.nn.functional as F


class Tower(nn.Module):
    def __init__(self, n_ids, n_dense, embed_dim, hidden_dim):
        super().__init__()
        self.id_emb = nn.Embedding(n_ids, embed_dim)
        self.mlp = nn.Sequential(
            nn.Linear(embed_dim + n_dense, hidden_dim),
            nn.LayerNorm(hidden_dim),
            nn.GELU(),
            nn.Linear(hidden_dim, embed_dim),
        )

    def forward(self, ids, dense):
        h = torch.cat([self.id_emb(ids), dense], dim=-1)
        return F.normalize(self.mlp(h), dim=-1)


class TwoTower(nn.Module):
    def __init__(self, n_users, n_items, n_user_dense, n_item_dense, embed_dim=64, hidden_dim=256, temperature=0.05):
        super().__init__()
        self.user_tower = Tower(n_users, n_user_dense, embed_dim, hidden_dim)
        self.item_tower = Tower(n_items, n_item_dense, embed_dim, hidden_dim)
        self.temperature = temperature

    def in_batch_loss(self, u_ids, u_dense, i_ids, i_dense, log_q):
        u = self.user_tower(u_ids, u_dense)
        v = self.item_tower(i_ids, i_dense)
        logits = u @ v.T / self.temperature - log_q.unsqueeze(0)
        labels = torch.arange(len(u), device=u.device)
        return F.cross_entropy(logits, labels)
