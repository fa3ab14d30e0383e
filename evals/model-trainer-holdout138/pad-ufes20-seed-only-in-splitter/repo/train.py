import sys

import numpy as np
import timm
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score
from torch.utils.data import DataLoader

from data import DIAGNOSES, PadUfesDataset, build_transforms, load_splits


@torch.no_grad()
def run_eval(model, loader, device):
    model.eval()
    probs, labels = [], []
    for x, y in loader:
        probs.append(model(x.to(device)).softmax(dim=1).cpu())
        labels.append(y)
    return torch.cat(probs).numpy(), torch.cat(labels).numpy()


def main(cfg_file="config.yaml"):
    cfg = yaml.safe_load(open(cfg_file))
    device = "cuda" if torch.cuda.is_available() else "cpu"
    tcfg = cfg["train"]

    train_df, val_df, test_df = load_splits(cfg)
    train_tf, eval_tf = build_transforms(tcfg["img_size"])
    img_dir = cfg["paths"]["images"]
    train_loader = DataLoader(PadUfesDataset(train_df, img_dir, train_tf), batch_size=tcfg["batch_size"],
                              shuffle=True, num_workers=tcfg["num_workers"], pin_memory=True)
    val_loader = DataLoader(PadUfesDataset(val_df, img_dir, eval_tf), batch_size=tcfg["batch_size"],
                            num_workers=tcfg["num_workers"])
    test_loader = DataLoader(PadUfesDataset(test_df, img_dir, eval_tf), batch_size=tcfg["batch_size"],
                             num_workers=tcfg["num_workers"])

    model = timm.create_model(cfg["model"]["name"], pretrained=cfg["model"]["pretrained"],
                              num_classes=len(DIAGNOSES), drop_rate=cfg["model"]["drop_rate"]).to(device)
    freq = np.bincount(train_df["label"], minlength=len(DIAGNOSES))
    criterion = nn.CrossEntropyLoss(weight=torch.tensor(freq.max() / freq, dtype=torch.float32).to(device))
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tcfg["epochs"])

    best_bacc, ckpt = 0.0, f"{cfg['experiment']}_best.pt"
    for epoch in range(tcfg["epochs"]):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
        scheduler.step()
        p, y_val = run_eval(model, val_loader, device)
        bacc = balanced_accuracy_score(y_val, p.argmax(1))
        print(f"[{epoch + 1}/{tcfg['epochs']}] val balanced acc {bacc:.4f}")
        if bacc > best_bacc:
            best_bacc = bacc
            torch.save(model.state_dict(), ckpt)

    model.load_state_dict(torch.load(ckpt))
    p, y_test = run_eval(model, test_loader, device)
    print(f"test balanced acc {balanced_accuracy_score(y_test, p.argmax(1)):.4f}  "
          f"macro AUC {roc_auc_score(y_test, p, multi_class='ovr'):.4f}")
    print(classification_report(y_test, p.argmax(1), target_names=DIAGNOSES, digits=3))


if __name__ == "__main__":
    main(*sys.argv[1:])
