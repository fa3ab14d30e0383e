import torch
import torch.nn as nn


class HedonicNet(nn.Module):
    def __init__(self, n_numeric, n_zips, emb_dim=8, hidden=(128, 64), dropout=0.1):
        super().__init__()
        self.zip_emb = nn.Embedding(n_zips, emb_dim)
        layers, d = [], n_numeric + emb_dim
        for h in hidden:
            layers += [nn.Linear(d, h), nn.ReLU(), nn.Dropout(dropout)]
            d = h
        layers.append(nn.Linear(d, 1))
        self.mlp = nn.Sequential(*layers)

    def forward(self, x_num, zip_idx):
        return self.mlp(torch.cat([x_num, self.zip_emb(zip_idx)], dim=1))
