import torch
import torch.nn as nn


class DemandNet(nn.Module):
    """Embeddings for store / SKU / week-of-year + numeric price features -> log units.

    The price-response head is kept separate so the SKU-level price slope can be read out
    for the elasticity dashboard.
    """

    def __init__(self, n_num, n_store, n_sku, d_store=8, d_sku=16, d_woy=4, hidden=128, p=0.15):
        super().__init__()
        self.store_emb = nn.Embedding(n_store, d_store)
        self.sku_emb = nn.Embedding(n_sku, d_sku)
        self.woy_emb = nn.Embedding(53, d_woy)
        self.mlp = nn.Sequential(
            nn.Linear(n_num + d_store + d_sku + d_woy, hidden), nn.ReLU(), nn.Dropout(p),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(p),
            nn.Linear(hidden // 2, 1),
        )
        self.sku_slope = nn.Embedding(n_sku, 1)
        nn.init.constant_(self.sku_slope.weight, -1.5)

    def forward(self, num, store, sku, woy):
        h = torch.cat([num, self.store_emb(store), self.sku_emb(sku), self.woy_emb(woy)], dim=1)
        base = self.mlp(h).squeeze(1)
        return base + self.sku_slope(sku).squeeze(1) * num[:, 0]
