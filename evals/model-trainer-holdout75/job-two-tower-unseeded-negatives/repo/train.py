"""Candidate -> job two-tower model. Both towers run on features, so new candidates can be served."""
import tomllib

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset

from sampling import build_pointwise


class FeatureTower(nn.Module):
    def __init__(self, d_in, hidden, emb_dim, dropout):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Dropout(dropout),
                                 nn.Linear(hidden, emb_dim))

    def forward(self, x):
        return F.normalize(self.net(x), dim=-1)


class TwoTower(nn.Module):
    def __init__(self, d_user, d_job, cfg):
        super().__init__()
        self.user = FeatureTower(d_user, cfg["hidden"], cfg["emb_dim"], cfg["dropout"])
        self.job = FeatureTower(d_job, cfg["hidden"], cfg["emb_dim"], cfg["dropout"])
        self.scale = nn.Parameter(torch.tensor(10.0))

    def forward(self, xu, xj):
        return self.scale * (self.user(xu) * self.job(xj)).sum(-1)


@torch.no_grad()
def evaluate(model, U, J, apps, n_jobs, neg_per_pos, k, train_counts):
    model.eval()
    u, j, y = build_pointwise(apps["cand_idx"].to_numpy(), apps["job_idx"].to_numpy(), n_jobs, neg_per_pos)
    auc = roc_auc_score(y, model(U[u], J[j]).cpu().numpy())
    job_emb = model.job(J)
    truth = apps.groupby("cand_idx")["job_idx"].apply(set)
    user_emb = model.user(U[torch.as_tensor(truth.index.to_numpy())])
    top = torch.topk(user_emb @ job_emb.T, k, dim=1).indices.cpu().numpy()
    pop_top = np.argsort(-train_counts)[:k]
    recall = np.mean([len(set(t) & s) / min(len(s), k) for t, s in zip(top, truth)])
    pop_recall = np.mean([len(set(pop_top) & s) / min(len(s), k) for s in truth])
    return auc, recall, pop_recall


def main(path="config.toml"):
    with open(path, "rb") as fh:
        cfg = tomllib.load(fh)
    tcfg = cfg["train"]
    apps = pd.read_parquet(cfg["data"]["applications"])
    U = torch.as_tensor(pd.read_parquet(cfg["data"]["candidates"]).to_numpy(np.float32))
    J = torch.as_tensor(pd.read_parquet(cfg["data"]["jobs"]).to_numpy(np.float32))
    n_jobs = len(J)

    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["test_size"])
    trval_idx, test_idx = next(outer.split(apps, groups=apps["cand_idx"]))
    trval, test = apps.iloc[trval_idx], apps.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["valid_size"])
    tr_idx, va_idx = next(inner.split(trval, groups=trval["cand_idx"]))
    train, valid = trval.iloc[tr_idx], trval.iloc[va_idx]
    train_counts = np.bincount(train["job_idx"], minlength=n_jobs)

    model = TwoTower(U.shape[1], J.shape[1], cfg["model"])
    opt = torch.optim.Adam(model.parameters(), lr=tcfg["lr"])
    best_auc, bad = 0.0, 0
    for epoch in range(tcfg["epochs"]):
        model.train()
        u, j, y = build_pointwise(train["cand_idx"].to_numpy(), train["job_idx"].to_numpy(), n_jobs,
                                  tcfg["neg_per_pos"], job_popularity=train_counts + 1.0)
        loader = DataLoader(TensorDataset(torch.as_tensor(u), torch.as_tensor(j), torch.as_tensor(y)),
                            batch_size=tcfg["batch_size"], shuffle=True)
        for bu, bj, by in loader:
            opt.zero_grad()
            loss = F.binary_cross_entropy_with_logits(model(U[bu], J[bj]), by)
            loss.backward()
            opt.step()
        auc, recall, _ = evaluate(model, U, J, valid, n_jobs, tcfg["neg_per_pos"], tcfg["k"], train_counts)
        print(f"epoch {epoch} valid AUC {auc:.4f} recall@{tcfg['k']} {recall:.4f}")
        if auc > best_auc:
            best_auc, bad = auc, 0
            torch.save(model.state_dict(), tcfg["checkpoint"])
        else:
            bad += 1
            if bad >= tcfg["patience"]:
                break

    model.load_state_dict(torch.load(tcfg["checkpoint"]))
    auc, recall, pop_recall = evaluate(model, U, J, test, n_jobs, tcfg["neg_per_pos"], tcfg["k"], train_counts)
    print(f"test AUC {auc:.4f} recall@{tcfg['k']} {recall:.4f} (popularity {pop_recall:.4f})")


if __name__ == "__main__":
    main()
