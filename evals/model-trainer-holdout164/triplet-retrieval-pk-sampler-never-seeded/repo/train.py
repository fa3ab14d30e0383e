import argparse
import json
import os
import zlib

import pandas as pd
import timm
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image
from pytorch_metric_learning import losses, miners
from pytorch_metric_learning.utils.accuracy_calculator import AccuracyCalculator
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

from sampler import PKSampler

NORM = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])


class Crops(Dataset):
    def __init__(self, df, tf):
        self.paths, self.labels, self.tf = df.crop_path.tolist(), df.sku_id.tolist(), tf

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.tf(Image.open(self.paths[i]).convert("RGB")), self.labels[i]


class Embedder(nn.Module):
    def __init__(self, arch, dim):
        super().__init__()
        self.body = timm.create_model(arch, pretrained=True, num_classes=0)
        self.proj = nn.Linear(self.body.num_features, dim)

    def forward(self, x):
        return F.normalize(self.proj(self.body(x)), dim=1)


def sku_bucket(sku_id):
    # stable hash so the held-out SKUs stay the same across runs and machines
    return zlib.crc32(str(sku_id).encode()) % 10


@torch.no_grad()
def embed_all(model, loader, device):
    model.eval()
    out, labs = [], []
    for x, y in loader:
        out.append(model(x.to(device)).cpu())
        labs.append(y)
    return torch.cat(out), torch.cat(labs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--manifest", default="data/retail_crops/manifest.csv")
    ap.add_argument("--arch", default="convnext_tiny.fb_in22k")
    ap.add_argument("--dim", type=int, default=256)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--p", type=int, default=32)
    ap.add_argument("--k", type=int, default=4)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--out", default="runs/triplet_convnext")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(args.manifest)
    df["bucket"] = df.sku_id.map(sku_bucket)
    train_df = df[df.bucket < 8].reset_index(drop=True)
    val_df = df[df.bucket == 8].reset_index(drop=True)
    test_df = df[df.bucket == 9].reset_index(drop=True)

    train_tf = T.Compose([T.RandomResizedCrop(224, scale=(0.6, 1.0)), T.RandomRotation(8),
                          T.ColorJitter(0.3, 0.3, 0.3, 0.05), T.ToTensor(), NORM])
    eval_tf = T.Compose([T.Resize((224, 224)), T.ToTensor(), NORM])
    sampler = PKSampler(train_df.sku_id.tolist(), args.p, args.k)
    train_dl = DataLoader(Crops(train_df, train_tf), batch_sampler=sampler, num_workers=8, pin_memory=True)
    val_dl = DataLoader(Crops(val_df, eval_tf), batch_size=256, num_workers=8)
    test_dl = DataLoader(Crops(test_df, eval_tf), batch_size=256, num_workers=8)

    model = Embedder(args.arch, args.dim).to(device)
    miner = miners.TripletMarginMiner(margin=0.2, type_of_triplets="semihard")
    loss_fn = losses.TripletMarginLoss(margin=0.2)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)
    calc = AccuracyCalculator(include=("precision_at_1", "mean_average_precision_at_r"), k="max_bin_count")

    best = -1.0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            emb = model(x)
            loss = loss_fn(emb, y, miner(emb, y))
            opt.zero_grad()
            loss.backward()
            opt.step()
        e, l = embed_all(model, val_dl, device)
        acc = calc.get_accuracy(e, l)
        print(f"epoch {epoch} loss {loss.item():.4f} val P@1 {acc['precision_at_1']:.4f} "
              f"MAP@R {acc['mean_average_precision_at_r']:.4f}")
        if acc["precision_at_1"] > best:
            best = acc["precision_at_1"]
            torch.save(model.state_dict(), f"{args.out}/best.pt")

    model.load_state_dict(torch.load(f"{args.out}/best.pt", map_location=device))
    e, l = embed_all(model, test_dl, device)
    test_acc = calc.get_accuracy(e, l)
    print("test", test_acc)
    with open(f"{args.out}/test_metrics.json", "w") as f:
        json.dump(test_acc, f, indent=2)


if __name__ == "__main__":
    main()
