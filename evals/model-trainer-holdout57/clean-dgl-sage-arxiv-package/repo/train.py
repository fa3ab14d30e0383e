"""Mini-batch GraphSAGE on ogbn-arxiv (official time-based OGB split) with DGL."""
import argparse
from pathlib import Path

import dgl
import torch
import torch.nn.functional as F
from dgl.dataloading import DataLoader, NeighborSampler
from ogb.nodeproppred import DglNodePropPredDataset
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

from gnn.evaluate import evaluate
from gnn.model import SAGE
from gnn.utils import load_config, set_seed


def feature_only_baseline(g, split, seed):
    x, y = g.ndata["feat"].numpy(), g.ndata["label"].numpy()
    tr, te = split["train"].numpy(), split["test"].numpy()
    clf = LogisticRegression(max_iter=1000, random_state=seed).fit(x[tr], y[tr])
    pred = clf.predict(x[te])
    return {"acc": accuracy_score(y[te], pred), "macro_f1": f1_score(y[te], pred, average="macro")}


def main(cfg):
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    dataset = DglNodePropPredDataset(cfg["dataset"], root=cfg["data_root"])
    g, labels = dataset[0]
    g = dgl.add_self_loop(dgl.to_bidirected(g, copy_ndata=True))
    g.ndata["label"] = labels.squeeze(1)
    split = dataset.get_idx_split()

    mcfg, tcfg = cfg["model"], cfg["train"]
    model = SAGE(g.ndata["feat"].shape[1], mcfg["hidden"], dataset.num_classes,
                 mcfg["num_layers"], mcfg["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    sampler = NeighborSampler(tcfg["fanouts"])
    train_loader = DataLoader(g, split["train"], sampler, batch_size=tcfg["batch_size"],
                              shuffle=True, drop_last=False)

    ckpt = Path(tcfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_val, bad = 0.0, 0
    for epoch in range(tcfg["max_epochs"]):
        model.train()
        total = 0.0
        for _, output_nodes, blocks in train_loader:
            blocks = [b.to(device) for b in blocks]
            logits = model(blocks, blocks[0].srcdata["feat"])
            loss = F.cross_entropy(logits, blocks[-1].dstdata["label"])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()

        val = evaluate(model, g, split["valid"], tcfg["fanouts"], device)
        print(f"epoch {epoch:03d} loss {total / len(train_loader):.4f} "
              f"val acc {val['acc']:.4f} val macro-F1 {val['macro_f1']:.4f}")
        if val["acc"] > best_val:
            best_val, bad = val["acc"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad += 1
            if bad >= tcfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test = evaluate(model, g, split["test"], tcfg["fanouts"], device)
    base = feature_only_baseline(g, split, cfg["seed"])
    print(f"SAGE   test acc {test['acc']:.4f} macro-F1 {test['macro_f1']:.4f} (best val acc {best_val:.4f})")
    print(f"LogReg test acc {base['acc']:.4f} macro-F1 {base['macro_f1']:.4f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="config.yaml")
    main(load_config(p.parse_args().config))
