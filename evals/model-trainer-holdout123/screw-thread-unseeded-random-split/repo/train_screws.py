"""OK / NOK classifier for the screw thread station (backlit line-scan crops).

data/screws/
    ok/*.png
    nok/*.png
"""
import argparse
import json
import time

import torch
import torch.nn as nn
from sklearn.metrics import confusion_matrix, f1_score, precision_score, recall_score
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, models, transforms as T


def get_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/screws")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--bs", type=int, default=48)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--out", default="screw_mnv3.pt")
    return ap.parse_args()


class Subset(torch.utils.data.Dataset):
    """random_split subset with its own transform."""
    def __init__(self, subset, tf):
        self.subset, self.tf = subset, tf
    def __len__(self):
        return len(self.subset)
    def __getitem__(self, i):
        img, y = self.subset[i]
        return self.tf(img), y


@torch.inference_mode()
def run_eval(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    return torch.cat(ys), torch.cat(ps)


def main():
    args = get_args()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    base = datasets.ImageFolder(args.root)                  # PIL images, transforms applied per split
    nok = base.class_to_idx["nok"]
    n = len(base)
    n_test, n_val = int(0.15 * n), int(0.15 * n)
    train_sub, val_sub, test_sub = random_split(base, [n - n_val - n_test, n_val, n_test])

    norm = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = T.Compose([T.Resize((256, 256)), T.RandomRotation(10), T.RandomHorizontalFlip(), T.ToTensor(), norm])
    eval_tf = T.Compose([T.Resize((256, 256)), T.ToTensor(), norm])
    train_dl = DataLoader(Subset(train_sub, train_tf), batch_size=args.bs, shuffle=True, num_workers=4)
    val_dl = DataLoader(Subset(val_sub, eval_tf), batch_size=64, num_workers=4)
    test_dl = DataLoader(Subset(test_sub, eval_tf), batch_size=64, num_workers=4)

    model = models.mobilenet_v3_small(weights=models.MobileNet_V3_Small_Weights.IMAGENET1K_V1)
    model.classifier[3] = nn.Linear(model.classifier[3].in_features, 2)
    model.to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr)
    crit = nn.CrossEntropyLoss()

    best_f1, t0 = -1.0, time.time()
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            crit(model(x), y).backward()
            opt.step()
        y, p = run_eval(model, val_dl, device)
        f1 = f1_score(y, p, pos_label=nok)
        print(f"epoch {epoch:2d}  val NOK F1 {f1:.3f}  ({time.time() - t0:.0f}s)")
        if f1 > best_f1:
            best_f1 = f1
            torch.save(model.state_dict(), args.out)

    model.load_state_dict(torch.load(args.out))
    y, p = run_eval(model, test_dl, device)
    report = {
        "nok_recall": recall_score(y, p, pos_label=nok),
        "nok_precision": precision_score(y, p, pos_label=nok),
        "confusion": confusion_matrix(y, p).tolist(),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
