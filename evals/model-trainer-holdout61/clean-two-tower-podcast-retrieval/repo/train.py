"""Train and evaluate the podcast two-tower retriever."""
import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset

from retrieval.towers import DualEncoder
from retrieval.utils import seed_everything, trigram_ids


def split_queries(df, cfg, seed):
    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["test_fraction"], random_state=seed)
    rest_idx, test_idx = next(outer.split(df, groups=df["query"]))
    rest = df.iloc[rest_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=cfg["valid_fraction"], random_state=seed)
    tr_idx, va_idx = next(inner.split(rest, groups=rest["query"]))
    return rest.iloc[tr_idx], rest.iloc[va_idx], df.iloc[test_idx]


@torch.no_grad()
def retrieval_metrics(model, queries, target_rows, episode_tokens, ks, device):
    model.eval()
    ep = torch.cat([model.episode(episode_tokens[i:i + 8192].to(device)) for i in range(0, len(episode_tokens), 8192)])
    ranks = []
    for i in range(0, len(queries), 1024):
        sims = model.query(queries[i:i + 1024].to(device)) @ ep.T
        tgt = target_rows[i:i + 1024].to(device)
        ranks.append((sims > sims.gather(1, tgt.unsqueeze(1))).sum(1).cpu())
    ranks = torch.cat(ranks).float()
    out = {f"recall@{k}": (ranks < k).float().mean().item() for k in ks}
    out["mrr"] = (1.0 / (ranks + 1)).mean().item()
    return out


def popularity_baseline(train_df, eval_df, ks):
    top = train_df["episode_id"].value_counts().index.to_numpy()
    return {f"recall@{k}": float(eval_df["episode_id"].isin(top[:k]).mean()) for k in ks}


def main():
    cfg = yaml.safe_load(open("train_config.yaml"))
    gen = seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    buckets = cfg["model"]["n_buckets"]

    plays = pd.read_parquet(cfg["paths"]["interactions"])
    episodes = pd.read_parquet(cfg["paths"]["episodes"]).reset_index(drop=True)
    row_of = {eid: i for i, eid in enumerate(episodes["episode_id"])}
    ep_tokens = torch.tensor([trigram_ids(f"{s} {t}", buckets) for s, t in zip(episodes["show"], episodes["title"])])

    train_df, valid_df, test_df = split_queries(plays, cfg["split"], cfg["seed"])
    enc = lambda df: (torch.tensor([trigram_ids(q, buckets) for q in df["query"]]),
                      torch.tensor([row_of[e] for e in df["episode_id"]]))
    (q_tr, e_tr), (q_va, e_va), (q_te, e_te) = enc(train_df), enc(valid_df), enc(test_df)

    loader = DataLoader(TensorDataset(q_tr, e_tr), batch_size=cfg["optim"]["batch_size"],
                        shuffle=True, drop_last=True, generator=gen)
    model = DualEncoder(**cfg["model"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])

    best_mrr, stale = -1.0, 0
    for epoch in range(cfg["optim"]["max_epochs"]):
        model.train()
        for q_ids, e_rows in loader:
            opt.zero_grad(set_to_none=True)
            loss = model.loss(q_ids.to(device), ep_tokens[e_rows].to(device), cfg["optim"]["temperature"])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        val = retrieval_metrics(model, q_va, e_va, ep_tokens, cfg["eval_k"], device)
        print(f"epoch {epoch} loss {loss.item():.4f} valid {val}")
        if val["mrr"] > best_mrr:
            best_mrr, stale = val["mrr"], 0
            torch.save({"epoch": epoch, "state_dict": model.state_dict(), "valid": val}, cfg["paths"]["checkpoint"])
        else:
            stale += 1
            if stale >= cfg["optim"]["patience"]:
                break

    model.load_state_dict(torch.load(cfg["paths"]["checkpoint"])["state_dict"])
    print("test two-tower :", retrieval_metrics(model, q_te, e_te, ep_tokens, cfg["eval_k"], device))
    print("test popularity:", popularity_baseline(train_df, test_df, cfg["eval_k"]))


if __name__ == "__main__":
    main()
