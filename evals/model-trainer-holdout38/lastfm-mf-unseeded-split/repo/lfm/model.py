import torch
from torch import nn


class BiasedMF(nn.Module):
    def __init__(self, n_users, n_items, dim, global_mean):
        super().__init__()
        self.user_emb = nn.Embedding(n_users, dim)
        self.item_emb = nn.Embedding(n_items, dim)
        self.user_bias = nn.Embedding(n_users, 1)
        self.item_bias = nn.Embedding(n_items, 1)
        self.mu = nn.Parameter(torch.tensor(float(global_mean)), requires_grad=False)
        nn.init.normal_(self.user_emb.weight, std=0.05)
        nn.init.normal_(self.item_emb.weight, std=0.05)
        nn.init.zeros_(self.user_bias.weight)
        nn.init.zeros_(self.item_bias.weight)

    def forward(self, u, i):
        dot = (self.user_emb(u) * self.item_emb(i)).sum(-1)
        return self.mu + self.user_bias(u).squeeze(-1) + self.item_bias(i).squeeze(-1) + dot
