import argparse
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml

from src.lastout.evaluate import evaluate_model, evaluate_popularity
from src.lastout.model import BPRMF
from src.lastout.split import keep_active_users, leave_last_out, to_csr
from src.lastout.utils import fix_seeds

log = logging.getLogger("bpr")


def sample_batch(train_csr, users, pos, rng):
    """Uniform negatives that the user has not interacted with in training."""
    neg = rng.integers(0, train_csr.shape[1], size=len(users))
    for i in range(len(users)):
        while train_csr[users[i], neg[i]]:
            neg[i] = rng.integers(0, train_csr.shape[1])
    return neg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/bpr.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    rng = fix_seeds(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    ev = pd.read_csv(cfg["interactions"], usecols=["visitorid", "itemid", "timestamp"])
    ev = ev.rename(columns={"visitorid": "user", "itemid": "item"}).drop_duplicates(["user", "item"], keep="last")
    ev = keep_active_users(ev, cfg["min_user_events"])
    ev["user"] = ev["user"].astype("category").cat.codes
    ev["item"] = ev["item"].astype("category").cat.codes
    n_users, n_items = ev["user"].max() + 1, ev["item"].max() + 1

    train, valid, test = leave_last_out(ev)
    train_csr = to_csr(train, n_users, n_items)
    train_valid_csr = to_csr(pd.concat([train, valid]), n_users, n_items)
    log.info("users %d items %d | train %d valid %d test %d", n_users, n_items, len(train), len(valid), len(test))

    model = BPRMF(n_users, n_items, cfg["embedding_dim"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    u_all, i_all = train["user"].to_numpy(), train["item"].to_numpy()
    ckpt = Path(cfg["checkpoint_dir"]) / "bpr_best.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, since_best = -1.0, 0
    for epoch in range(cfg["max_epochs"]):
        model.train()
        order = rng.permutation(len(u_all))
        epoch_loss = 0.0
        for s in range(0, len(order), cfg["batch_size"]):
            idx = order[s:s + cfg["batch_size"]]
            neg = sample_batch(train_csr, u_all[idx], i_all[idx], rng)
            u = torch.as_tensor(u_all[idx], device=device, dtype=torch.long)
            p = torch.as_tensor(i_all[idx], device=device, dtype=torch.long)
            n = torch.as_tensor(neg, device=device, dtype=torch.long)
            opt.zero_grad(set_to_none=True)
            x = model.score(u, p) - model.score(u, n)
            reg = cfg["l2"] * (model.user(u).pow(2).sum() + model.item(p).pow(2).sum() + model.item(n).pow(2).sum())
            loss = -torch.nn.functional.logsigmoid(x).sum() + reg
            loss.backward()
            opt.step()
            epoch_loss += loss.item()
        val = evaluate_model(model, train_csr, valid, cfg["eval_k"], device)
        log.info("epoch %03d loss %.1f val recall@%d %.4f ndcg@%d %.4f", epoch, epoch_loss,
                 cfg["eval_k"], val["recall"], cfg["eval_k"], val["ndcg"])
        if val["ndcg"] > best:
            best, since_best = val["ndcg"], 0
            torch.save({"epoch": epoch, "state": model.state_dict()}, ckpt)
        else:
            since_best += 1
            if since_best >= cfg["patience"]:
                log.info("no improvement for %d epochs, stopping", since_best)
                break

    state = torch.load(ckpt, map_location=device)
    model.load_state_dict(state["state"])
    test_bpr = evaluate_model(model, train_valid_csr, test, cfg["eval_k"], device)
    test_pop = evaluate_popularity(train_valid_csr, test, cfg["eval_k"])
    k = cfg["eval_k"]
    print(pd.DataFrame({"MostPopular": test_pop, "BPR-MF": test_bpr}).T.rename(
        columns={"recall": f"Recall@{k}", "ndcg": f"NDCG@{k}"}).round(4).to_string())
    log.info("best epoch %d", state["epoch"])


if __name__ == "__main__":
    main()
