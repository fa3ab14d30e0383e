import torch
import torch.nn as nn


class TabTransformer(nn.Module):
    """Contextual embeddings for categoricals (Huang et al., 2020) + layer-normed numerics."""

    def __init__(self, cardinalities, n_num, d_model=32, n_heads=4, n_layers=3, dropout=0.1):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(c, d_model) for c in cardinalities)
        self.col_emb = nn.Parameter(torch.randn(len(cardinalities), d_model) * 0.02)
        layer = nn.TransformerEncoderLayer(d_model, n_heads, dim_feedforward=4 * d_model,
                                           dropout=dropout, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, n_layers)
        self.num_norm = nn.LayerNorm(n_num)
        d_flat = d_model * len(cardinalities) + n_num
        self.head = nn.Sequential(nn.Linear(d_flat, 4 * d_flat // 2), nn.ReLU(), nn.Dropout(dropout),
                                  nn.Linear(4 * d_flat // 2, 1))

    def forward(self, x_cat, x_num):
        tokens = torch.stack([e(x_cat[:, i]) for i, e in enumerate(self.embs)], dim=1) + self.col_emb
        ctx = self.encoder(tokens).flatten(1)
        return self.head(torch.cat([ctx, self.num_norm(x_num)], dim=1)).squeeze(-1)
