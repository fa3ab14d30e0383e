"""Weighted k-NN evaluation of a DINO checkpoint on ImageNet (train = memory bank, val = queries).

Follows the protocol of Caron et al. 2021: L2-normalised CLS features, k=20, T=0.07, 1000 classes.
"""
import argparse

import timm
import torch
import torch.nn.functional as F
import torchvision.transforms as T
from torch.utils.data import DataLoader
from torchvision.datasets import ImageFolder


def build_model(arch, ckpt, device):
    model = timm.create_model(arch, pretrained=False, num_classes=0)
    state = torch.load(ckpt, map_location="cpu")["teacher"]
    state = {k.replace("module.", "").replace("backbone.", ""): v for k, v in state.items()}
    msg = model.load_state_dict(state, strict=False)
    print("load:", msg)
    return model.to(device).eval()


@torch.no_grad()
def extract(model, loader, device):
    feats, labels = [], []
    for i, (x, y) in enumerate(loader):
        with torch.autocast("cuda", dtype=torch.float16):
            f = model(x.to(device, non_blocking=True))
        feats.append(F.normalize(f.float(), dim=1))
        labels.append(y.to(device))
        if i % 200 == 0:
            print(f"  {i}/{len(loader)}")
    return torch.cat(feats), torch.cat(labels)


@torch.no_grad()
def knn_classify(train_f, train_y, test_f, test_y, k, T, num_classes, chunk=256):
    top1 = top5 = 0
    for s in range(0, test_f.size(0), chunk):
        q = test_f[s:s + chunk]
        sims, idx = (q @ train_f.T).topk(k, dim=1)
        neigh_y = train_y[idx]
        w = (sims / T).exp()
        votes = torch.zeros(q.size(0), num_classes, device=q.device)
        votes.scatter_add_(1, neigh_y, w)
        pred = votes.topk(5, dim=1).indices
        tgt = test_y[s:s + chunk].unsqueeze(1)
        top1 += (pred[:, :1] == tgt).sum().item()
        top5 += (pred == tgt).any(dim=1).sum().item()
    n = test_f.size(0)
    return 100.0 * top1 / n, 100.0 * top5 / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/datasets/imagenet")
    ap.add_argument("--arch", default="vit_small_patch16_224")
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--k", type=int, default=20)
    ap.add_argument("--temperature", type=float, default=0.07)
    ap.add_argument("--bs", type=int, default=256)
    args = ap.parse_args()
    device = torch.device("cuda")

    tf = T.Compose([
        T.Resize(256, interpolation=T.InterpolationMode.BICUBIC),
        T.CenterCrop(224),
        T.ToTensor(),
        T.Normalize((0.485, 0.456, 0.406), (0.229, 0.224, 0.225)),
    ])
    train_ds = ImageFolder(f"{args.data}/train", transform=tf)
    val_ds = ImageFolder(f"{args.data}/val", transform=tf)
    assert train_ds.class_to_idx == val_ds.class_to_idx
    kw = dict(batch_size=args.bs, shuffle=False, num_workers=12, pin_memory=True)

    model = build_model(args.arch, args.ckpt, device)
    print("extracting train features")
    train_f, train_y = extract(model, DataLoader(train_ds, **kw), device)
    print("extracting val features")
    val_f, val_y = extract(model, DataLoader(val_ds, **kw), device)

    top1, top5 = knn_classify(train_f, train_y, val_f, val_y, args.k, args.temperature, len(train_ds.classes))
    print(f"{args.k}-NN  T={args.temperature}  top-1 {top1:.2f}  top-5 {top5:.2f}")


if __name__ == "__main__":
    main()
