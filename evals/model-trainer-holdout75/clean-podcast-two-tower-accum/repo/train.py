"""Next-episode retrieval: history-pooling two-tower with in-batch softmax."""
import json
import sys

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader

from retrieval.data import NextEpisodeDataset, last_n_histories, load_listens, split_by_time
from retrieval.evaluate import popularity_metrics, ranking_metrics
from retrieval.model import HistoryTwoTower
from retrieval.utils import save_checkpoint, seed_everything


def grouped(df):
    return {u: g.to_numpy() for u, g in df.groupby("user_idx")["episode_idx"]}


def main(cfg):
    gen = seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    listens = load_listens(cfg["listens_path"])
    n_users, n_items = int(listens["user_idx"].max()) + 1, int(listens["episode_idx"].max()) + 1
    train, valid, test = split_by_time(listens, cfg["valid_days"], cfg["test_days"])

    hist_for_valid = last_n_histories(train, n_users, cfg["history_len"], n_items)
    hist_for_test = last_n_histories(pd.concat([train, valid]), n_users, cfg["history_len"], n_items)
    seen_valid, seen_test = grouped(train), grouped(pd.concat([train, valid]))
    truth_valid, truth_test = grouped(valid), grouped(test)

    loader = DataLoader(NextEpisodeDataset(train, cfg["history_len"], n_items), batch_size=cfg["batch_size"],
                        shuffle=True, drop_last=True, generator=gen)
    model = HistoryTwoTower(n_items, cfg["emb_dim"], cfg["dropout"], cfg["temperature"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])

    best, bad = -1.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        for step, (hist, items) in enumerate(loader, start=1):
            loss = model.loss(hist.to(device), items.to(device)) / cfg["accum_steps"]
            loss.backward()
            if step % cfg["accum_steps"] == 0:
                optimizer.step()
                optimizer.zero_grad(set_to_none=True)

        recall, ndcg = ranking_metrics(model, hist_for_valid, truth_valid, seen_valid, n_items, cfg["k"], device)
        print(f"epoch {epoch:02d} valid recall@{cfg['k']}={recall:.4f} ndcg@{cfg['k']}={ndcg:.4f}")
        if ndcg > best:
            best, bad = ndcg, 0
            ckpt_path = save_checkpoint(model, optimizer, epoch, ndcg, cfg["checkpoint_dir"])
        else:
            bad += 1
            if bad >= cfg["patience"]:
                print(f"no improvement for {bad} epochs, stopping")
                break

    model.load_state_dict(torch.load(ckpt_path, map_location=device)["model"])
    results = {
        "two_tower": ranking_metrics(model, hist_for_test, truth_test, seen_test, n_items, cfg["k"], device),
        "popularity": popularity_metrics(np.bincount(pd.concat([train, valid])["episode_idx"], minlength=n_items),
                                         truth_test, seen_test, cfg["k"]),
    }
    print(json.dumps({name: {"recall": r, "ndcg": n} for name, (r, n) in results.items()}, indent=2))


if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else "configs/train.json") as fh:
        main(json.load(fh))
