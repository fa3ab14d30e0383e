import os
import random
import sys

import faiss
import numpy as np
import timm
import torch
import torch.nn as nn
import torch.nn.functional as F
import wandb
import yaml
from pytorch_metric_learning import losses
from torch.utils.data import DataLoader

from retrieval_data import EVAL_TF, TRAIN_TF, ImageTable, load_tables


class Net(nn.Module):
    def __init__(self, arch, dim):
        super().__init__()
        self.backbone = timm.create_model(arch, pretrained=True, num_classes=0)
        self.fc = nn.Linear(self.backbone.num_features, dim)

    def forward(self, x):
        return self.fc(self.backbone(x))


@torch.no_grad()
def embed(model, df, device):
    model.eval()
    dl = DataLoader(ImageTable(df, EVAL_TF), batch_size=256, num_workers=8)
    return F.normalize(torch.cat([model(x.to(device)).cpu() for x, _ in dl]), dim=1).numpy()


def retrieval_metrics(model, gallery, query, device):
    g, q = embed(model, gallery, device), embed(model, query, device)
    index = faiss.IndexFlatIP(g.shape[1])
    index.add(g)
    _, I = index.search(q, 5)
    hits = gallery.sku_id.to_numpy()[I] == query.sku_id.to_numpy()[:, None]
    return {"R@1": float(hits[:, 0].mean()), "R@5": float(hits.any(1).mean())}


def main(cfg):
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    if not os.environ.get("WANDB_API_KEY"):
        sys.exit("set WANDB_API_KEY in your shell (or run `wandb login`) before training")
    wandb.login()
    run = wandb.init(project=cfg["wandb_project"], name=cfg["run_name"], config=cfg)

    t = load_tables(cfg)
    n_classes = t["train"].label.nunique()
    train_dl = DataLoader(ImageTable(t["train"], TRAIN_TF), batch_size=cfg["batch_size"], shuffle=True,
                          num_workers=8, drop_last=True)

    model = Net(cfg["arch"], cfg["embed_dim"]).to(device)
    loss_fn = losses.SubCenterArcFaceLoss(num_classes=n_classes, embedding_size=cfg["embed_dim"],
                                          sub_centers=cfg["sub_centers"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.05)
    loss_opt = torch.optim.SGD(loss_fn.parameters(), lr=cfg["loss_lr"])

    best, ckpt = -1.0, f"{cfg['run_name']}_best.pt"
    for epoch in range(cfg["epochs"]):
        model.train()
        for step, (x, y) in enumerate(train_dl):
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss_opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
            loss_opt.step()
            if step % 100 == 0:
                run.log({"loss": loss.item()})
        val = retrieval_metrics(model, t["val_gallery"], t["val_query"], device)
        run.log({f"val/{k}": v for k, v in val.items()} | {"epoch": epoch})
        if val["R@1"] > best:
            best = val["R@1"]
            torch.save(model.state_dict(), ckpt)

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test = retrieval_metrics(model, t["test_gallery"], t["test_query"], device)
    print("test", test)
    run.summary.update({f"test/{k}": v for k, v in test.items()})
    run.finish()


if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else "config.yaml") as f:
        main(yaml.safe_load(f))
