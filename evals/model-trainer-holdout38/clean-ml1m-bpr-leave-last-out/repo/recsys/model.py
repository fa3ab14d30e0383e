import torch
from torch import nn


class BPRMF(nn.Module):
    def __init__(self, n_users, n_items, dim=64):
        super().__init__()
        self.P = nn.Embedding(n_users, dim)
        self.Q = nn.Embedding(n_items, dim)
        nn.init.normal_(self.P.weight, std=0.01)
        nn.init.normal_(self.Q.weight, std=0.01)

    def score(self, u, items):
        # u: (B,), items: (B, K) -> (B, K)
        return torch.einsum("bd,bkd->bk", self.P(u), self.Q(items))

    def bpr_loss(self, u, pos, neg, reg=1e-4):
        pu, qi, qj = self.P(u), self.Q(pos), self.Q(neg)
        diff = (pu * qi).sum(-1) - (pu * qj).sum(-1)
        l2 = pu.pow(2).sum() + qi.pow(2).sum() + qj.pow(2).sum()
        return -torch.nn.functional.logsigmoid(diff).mean() + reg * l2 / len(u)
