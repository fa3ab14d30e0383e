import torch
import torch.nn as nn


class PoseTransformer(nn.Module):
    def __init__(self, in_dim, n_classes, max_frames, d_model=256, layers=6, heads=8, dropout=0.15):
        super().__init__()
        self.embed = nn.Linear(in_dim, d_model)
        self.pos = nn.Parameter(torch.randn(1, max_frames, d_model) * 0.02)
        enc = nn.TransformerEncoderLayer(d_model, heads, 4 * d_model, dropout, batch_first=True, activation="gelu")
        self.encoder = nn.TransformerEncoder(enc, layers)
        self.norm = nn.LayerNorm(d_model)
        self.fc = nn.Linear(d_model, n_classes)

    def forward(self, x):
        h = self.encoder(self.embed(x) + self.pos)
        return self.fc(self.norm(h.mean(1)))
