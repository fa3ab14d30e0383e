import random

import numpy as np
import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from twotower.data import PairDataset, encode_catalog, split_by_query
from twotower.model import TwoTower, in_batch_softmax_loss


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def recall_at_k(model, dataset, catalog_tokens, catalog_ids, ks, device, batch_size=4096):
    doc_emb = torch.cat([
        model.doc_tower(catalog_tokens[i:i + batch_size].to(device))
        for i in range(0, len(catalog_tokens), batch_size)
    ])
    id_to_row = {pid: row for row, pid in enumerate(catalog_ids)}
    target_rows = torch.tensor([id_to_row[p] for p in dataset.product_ids], device=device)
    hits = {k: 0 for k in ks}
    for start in range(0, len(dataset), batch_size):
        q_emb = model.query_tower(dataset.q[start:start + batch_size].to(device))
        topk = (q_emb @ doc_emb.T).topk(max(ks), dim=1).indices
        target = target_rows[start:start + batch_size].unsqueeze(1)
        for k in ks:
            hits[k] += (topk[:, :k] == target).any(dim=1).sum().item()
    return {k: hits[k] / len(dataset) for k in ks}


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    pairs = pd.read_parquet(cfg["data"]["pairs"])
    catalog = pd.read_parquet(cfg["data"]["catalog"])
    buckets = cfg["model"]["vocab_buckets"]
    train_df, val_df, test_df = split_by_query(
        pairs, cfg["data"]["val_fraction"], cfg["data"]["test_fraction"], cfg["seed"]
    )
    train_ds = PairDataset(train_df, catalog, buckets)
    val_ds = PairDataset(val_df, catalog, buckets)
    test_ds = PairDataset(test_df, catalog, buckets)
    catalog_tokens = encode_catalog(catalog, buckets)
    catalog_ids = catalog["product_id"].to_numpy()

    model = TwoTower(**cfg["model"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=0.01)
    loader = DataLoader(train_ds, batch_size=cfg["train"]["batch_size"], shuffle=True, drop_last=True)
    ks = cfg["eval"]["ks"]

    best, bad_epochs = -1.0, 0
    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        total = 0.0
        for q_tok, d_tok in loader:
            q, d = model(q_tok.to(device), d_tok.to(device))
            loss = in_batch_softmax_loss(q, d, cfg["train"]["temperature"])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()

        val_recall = recall_at_k(model, val_ds, catalog_tokens, catalog_ids, ks, device)
        print(f"epoch {epoch} loss {total / len(loader):.4f} val {val_recall}")
        if val_recall[ks[0]] > best:
            best, bad_epochs = val_recall[ks[0]], 0
            torch.save(model.state_dict(), cfg["train"]["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["train"]["patience"]:
                break

    model.load_state_dict(torch.load(cfg["train"]["checkpoint"]))
    print("test recall:", recall_at_k(model, test_ds, catalog_tokens, catalog_ids, ks, device))


if __name__ == "__main__":
    main()
