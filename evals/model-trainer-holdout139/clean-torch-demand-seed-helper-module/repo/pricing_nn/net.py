import torch
import torch.nn as nn


class PriceResponseNet(nn.Module):
    """Demand = exp(f(context) + g(price features)); g is a small monotone-ish head
    (non-positive weights on log price via -softplus) so curves slope downwards."""

    def __init__(self, n_ctx, n_sku, d_sku=12, hidden=96, p=0.1):
        super().__init__()
        self.sku = nn.Embedding(n_sku, d_sku)
        self.ctx = nn.Sequential(
            nn.Linear(n_ctx + d_sku, hidden), nn.LayerNorm(hidden), nn.GELU(), nn.Dropout(p),
            nn.Linear(hidden, hidden), nn.GELU(), nn.Dropout(p),
            nn.Linear(hidden, 1),
        )
        self.raw_slope = nn.Embedding(n_sku, 1)
        nn.init.constant_(self.raw_slope.weight, 0.5)

    def slope(self, sku):
        return -nn.functional.softplus(self.raw_slope(sku)).squeeze(-1)

    def forward(self, ctx, sku, log_rel_price):
        h = torch.cat([ctx, self.sku(sku)], dim=-1)
        return self.ctx(h).squeeze(-1) + self.slope(sku) * log_rel_price
