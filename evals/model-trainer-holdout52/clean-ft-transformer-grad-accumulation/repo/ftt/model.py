import torch
from torch import nn


class FTTransformer(nn.Module):
    """Minimal feature-tokenizer transformer: one token per numeric and categorical column."""

    def __init__(self, n_num, cat_cards, n_classes, d_token=64, n_layers=3, n_heads=8, dropout=0.1):
        super().__init__()
        self.num_weight = nn.Parameter(torch.randn(n_num, d_token) * 0.02)
        self.num_bias = nn.Parameter(torch.zeros(n_num, d_token))
        self.cat_embs = nn.ModuleList(nn.Embedding(card + 1, d_token) for card in cat_cards)
        self.cls = nn.Parameter(torch.zeros(1, 1, d_token))
        layer = nn.TransformerEncoderLayer(d_token, n_heads, d_token * 2, dropout, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, n_layers)
        self.head = nn.Sequential(nn.LayerNorm(d_token), nn.ReLU(), nn.Linear(d_token, n_classes))

    def forward(self, x_num, x_cat):
        tokens = x_num.unsqueeze(-1) * self.num_weight + self.num_bias
        cats = torch.stack([emb(x_cat[:, i]) for i, emb in enumerate(self.cat_embs)], dim=1)
        cls = self.cls.expand(len(x_num), -1, -1)
        h = self.encoder(torch.cat([cls, tokens, cats], dim=1))
        return self.head(h[:, 0])
