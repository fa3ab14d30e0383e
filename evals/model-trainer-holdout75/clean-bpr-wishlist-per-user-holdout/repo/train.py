"""BPR matrix factorisation for book wishlist recommendations."""
import argparse

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
import yaml

from bookrec.metrics import popularity_recall_ndcg, recall_ndcg
from bookrec.sampler import BPRSampler
from bookrec.split import per_user_holdout, to_sets


class MF(nn.Module):
    def __init__(self, n_users, n_items, dim):
        super().__init__()
        self.user = nn.Embedding(n_users, dim)
        self.item = nn.Embedding(n_items, dim)
        nn.init.normal_(self.user.weight, std=0.1)
        nn.init.normal_(self.item.weight, std=0.1)


def bpr_loss(model, u, i, j, l2):
    pu, qi, qj = model.user(u), model.item(i), model.item(j)
    x = (pu * (qi - qj)).sum(-1)
    reg = l2 * (pu.pow(2).sum() + qi.pow(2).sum() + qj.pow(2).sum()) / len(u)
    return -F.logsigmoid(x).mean() + reg


def main(cfg):
    dc, tc = cfg["data"], cfg["train"]
    rng = np.random.default_rng(tc["seed"])
    torch.manual_seed(tc["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_csv(dc["wishlists"], usecols=["user_id", "isbn"]).drop_duplicates()
    df = df[df.groupby("user_id")["isbn"].transform("size") >= dc["min_items_per_user"]]
    df["u"] = df["user_id"].astype("category").cat.codes
    df["i"] = df["isbn"].astype("category").cat.codes
    n_users, n_items = df["u"].max() + 1, df["i"].max() + 1

    trval, test = per_user_holdout(df, dc["test_frac"], rng)
    train, valid = per_user_holdout(trval, dc["valid_frac"] / (1 - dc["test_frac"]), rng)
    train_pos, valid_pos, test_pos = to_sets(train), to_sets(valid), to_sets(test)

    model = MF(n_users, n_items, cfg["model"]["dim"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=tc["lr"])
    sampler = BPRSampler(train_pos, n_items, rng)

    best, bad = -1.0, 0
    for epoch in range(1, tc["epochs"] + 1):
        model.train()
        u, i, j = (torch.as_tensor(a, device=device) for a in sampler.epoch())
        for s in range(0, len(u), tc["batch_size"]):
            sl = slice(s, s + tc["batch_size"])
            opt.zero_grad()
            loss = bpr_loss(model, u[sl], i[sl], j[sl], cfg["model"]["l2"])
            loss.backward()
            opt.step()
        if epoch % tc["eval_every"]:
            continue
        rec, ndcg = recall_ndcg(model, train_pos, valid_pos, tc["k"], device)
        print(f"epoch {epoch} loss {loss.item():.4f} valid recall@{tc['k']} {rec:.4f} ndcg {ndcg:.4f}")
        if ndcg > best:
            best, bad = ndcg, 0
            torch.save(model.state_dict(), tc["checkpoint"])
        else:
            bad += 1
            if bad >= tc["patience"]:
                break

    model.load_state_dict(torch.load(tc["checkpoint"], map_location=device))
    known = to_sets(trval)
    rec, ndcg = recall_ndcg(model, known, test_pos, tc["k"], device)
    p_rec, p_ndcg = popularity_recall_ndcg(np.bincount(train["i"], minlength=n_items), known, test_pos, tc["k"])
    print(f"test BPR-MF     recall@{tc['k']} {rec:.4f} ndcg@{tc['k']} {ndcg:.4f}")
    print(f"test popularity recall@{tc['k']} {p_rec:.4f} ndcg@{tc['k']} {p_ndcg:.4f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
