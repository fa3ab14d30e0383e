import torch
import torch.nn as nn


class HierElasticity(nn.Module):
    """log q = a_store_sku + (b_cat + d_sku) * log p + g * promo + s_woy

    SKU elasticities are shrunk towards their category mean via an L2 penalty on d_sku
    (see penalty()), a cheap stand-in for a full hierarchical Bayes fit.
    """

    def __init__(self, n_store_sku, n_sku, n_cat, sku_to_cat):
        super().__init__()
        self.intercept = nn.Embedding(n_store_sku, 1)
        self.cat_beta = nn.Parameter(torch.full((n_cat,), -1.2))
        self.sku_dev = nn.Embedding(n_sku, 1)
        nn.init.zeros_(self.sku_dev.weight)
        self.promo = nn.Parameter(torch.tensor([0.3, 0.15, 0.1]))  # tpr, display, feature
        self.season = nn.Embedding(53, 1)
        nn.init.zeros_(self.season.weight)
        self.register_buffer("sku_to_cat", torch.as_tensor(sku_to_cat, dtype=torch.long))

    def elasticity(self, sku):
        return self.cat_beta[self.sku_to_cat[sku]] + self.sku_dev(sku).squeeze(-1)

    def forward(self, ss_idx, sku, woy, log_p, promo):
        return (
            self.intercept(ss_idx).squeeze(-1)
            + self.elasticity(sku) * log_p
            + promo @ self.promo
            + self.season(woy).squeeze(-1)
        )

    def penalty(self, lam):
        return lam * (self.sku_dev.weight ** 2).sum()
