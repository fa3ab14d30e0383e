import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import wandb
import yaml
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

from model import ArcFaceHead, EmbeddingNet

MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


class ProductImages(Dataset):
    def __init__(self, df, tf):
        self.paths, self.labels, self.tf = df.path.tolist(), df.label.tolist(), tf

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.tf(Image.open(self.paths[i]).convert("RGB")), self.labels[i]


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def split_by_sku(df, frac, seed):
    """Hold out whole SKUs: retrieval has to work on products never seen in training."""
    skus = df.sku_id.unique()
    rng = np.random.default_rng(seed)
    held = set(rng.choice(skus, size=int(len(skus) * frac), replace=False))
    return df[~df.sku_id.isin(held)].copy(), df[df.sku_id.isin(held)].copy()


@torch.no_grad()
def recall_at_k(model, loader, device, ks=(1, 5)):
    model.eval()
    embs, labels = [], []
    for x, y in loader:
        embs.append(model(x.to(device)).cpu())
        labels.append(y)
    E, L = torch.cat(embs), torch.cat(labels)
    sim = E @ E.T
    sim.fill_diagonal_(-2.0)  # leave-one-out: a query never retrieves itself
    top = sim.topk(max(ks), dim=1).indices
    hits = L[top] == L[:, None]
    return {f"R@{k}": hits[:, :k].any(1).float().mean().item() for k in ks}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    seed_all(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["experiment"], config=cfg)

    df = pd.read_csv(cfg["data"]["manifest"])
    frac = cfg["data"]["holdout_sku_fraction"]
    train_df, test_df = split_by_sku(df, frac, cfg["seed"])
    train_df, val_df = split_by_sku(train_df, frac, cfg["seed"] + 1)
    for part in (train_df, val_df, test_df):
        part["label"] = part.sku_id.astype("category").cat.codes.astype(int)

    size, tc = cfg["data"]["img_size"], cfg["train"]
    train_tf = T.Compose([T.RandomResizedCrop(size, scale=(0.5, 1.0)), T.ColorJitter(0.3, 0.3, 0.3),
                          T.RandomPerspective(0.2), T.ToTensor(), T.Normalize(MEAN, STD)])
    eval_tf = T.Compose([T.Resize((size, size)), T.ToTensor(), T.Normalize(MEAN, STD)])
    train_dl = DataLoader(ProductImages(train_df, train_tf), batch_size=tc["batch_size"], shuffle=True,
                          num_workers=tc["num_workers"], drop_last=True)
    val_dl = DataLoader(ProductImages(val_df, eval_tf), batch_size=tc["batch_size"] * 2, num_workers=tc["num_workers"])
    test_dl = DataLoader(ProductImages(test_df, eval_tf), batch_size=tc["batch_size"] * 2, num_workers=tc["num_workers"])

    mc = cfg["model"]
    model = EmbeddingNet(mc["backbone"], mc["embed_dim"]).to(device)
    head = ArcFaceHead(mc["embed_dim"], train_df.label.nunique(), mc["arcface_s"], mc["arcface_m"]).to(device)
    optimizer = torch.optim.AdamW([
        {"params": model.backbone.parameters(), "lr": tc["lr_backbone"]},
        {"params": list(model.neck.parameters()) + list(head.parameters()), "lr": tc["lr_head"]},
    ], weight_decay=1e-4)
    criterion = nn.CrossEntropyLoss()
    ckpt = f"{cfg['experiment']}_best.pt"

    best = 0.0
    for epoch in range(tc["epochs"]):
        model.train()
        head.train()
        for step, (x, y) in enumerate(train_dl):
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(head(model(x), y), y)
            loss.backward()
            optimizer.step()
            if step % 50 == 0:
                wandb.log({"train/loss": loss.item(), "epoch": epoch})
        rec = recall_at_k(model, val_dl, device)
        wandb.log({f"val/{k}": v for k, v in rec.items()} | {"epoch": epoch})
        print(epoch, rec)
        if rec["R@1"] > best:
            best = rec["R@1"]
            torch.save(model.state_dict(), ckpt)

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test_rec = recall_at_k(model, test_dl, device)
    print("test", test_rec)
    run.summary.update({f"test/{k}": v for k, v in test_rec.items()})
    run.finish()


if __name__ == "__main__":
    main()
