import torch
import torch.nn as nn


class BiasedMF(nn.Module):
    def __init__(self, n_users, n_items, dim, global_mean):
        super().__init__()
        self.user = nn.Embedding(n_users, dim)
        self.item = nn.Embedding(n_items, dim)
        self.user_bias = nn.Embedding(n_users, 1)
        self.item_bias = nn.Embedding(n_items, 1)
        self.register_buffer("mu", torch.tensor(float(global_mean)))
        for emb in (self.user, self.item):
            nn.init.normal_(emb.weight, std=0.05)
        nn.init.zeros_(self.user_bias.weight)
        nn.init.zeros_(self.item_bias.weight)

    def forward(self, u, i):
        dot = (self.user(u) * self.item(i)).sum(-1)
        return self.mu + dot + self.user_bias(u).squeeze(-1) + self.item_bias(i).squeeze(-1)

    def reg_loss(self, u, i):
        return self.user(u).pow(2).sum(-1).mean() + self.item(i).pow(2).sum(-1).mean()
