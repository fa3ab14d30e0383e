import torch
import torch.nn as nn


class ILIFormer(nn.Module):
    def __init__(self, n_features, context, horizon, d_model, nhead, layers, dropout):
        super().__init__()
        self.embed = nn.Linear(n_features, d_model)
        self.pos = nn.Parameter(torch.zeros(1, context, d_model))
        enc = nn.TransformerEncoderLayer(d_model, nhead, 2 * d_model, dropout, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(enc, layers)
        self.head = nn.Linear(d_model * context, horizon)

    def forward(self, x):
        h = self.encoder(self.embed(x) + self.pos)
        return self.head(h.flatten(1))
