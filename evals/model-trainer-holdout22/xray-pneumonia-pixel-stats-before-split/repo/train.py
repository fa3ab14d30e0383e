"""Fine-tune DenseNet-121 for pneumonia detection on paediatric chest radiographs."""
import argparse
import logging
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from torch.utils.data import DataLoader, random_split
from torchvision import transforms

from src.xray.data import ChestXrayDataset, base_transform, pixel_stats
from src.xray.model import build_densenet

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("xray")

CFG = {"img_size": 256, "batch_size": 32, "lr": 3e-4, "epochs": 30, "patience": 5, "seed": 17}


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    probs, targets = [], []
    for x, y in loader:
        probs.append(torch.sigmoid(model(x.to(device))).squeeze(1).cpu())
        targets.append(y)
    return torch.cat(probs).numpy(), torch.cat(targets).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--manifest", default="data/manifest.csv")
    ap.add_argument("--image-root", default="data/images")
    ap.add_argument("--out", default="checkpoints/densenet_best.pt")
    args = ap.parse_args()
    seed_everything(CFG["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    manifest = pd.read_csv(args.manifest)
    manifest = manifest.drop_duplicates("patient_id")  # one study per child
    log.info("%d radiographs, %.1f%% pneumonia", len(manifest), 100 * manifest["label"].mean())

    full_ds = ChestXrayDataset(manifest, args.image_root, transform=base_transform(CFG["img_size"]))
    mean, std = pixel_stats(full_ds)
    log.info("pixel mean %.4f std %.4f", mean, std)
    full_ds.transform = transforms.Compose([base_transform(CFG["img_size"]), transforms.Normalize([mean], [std])])

    n_val = int(0.15 * len(full_ds))
    n_test = int(0.15 * len(full_ds))
    n_train = len(full_ds) - n_val - n_test
    train_ds, val_ds, test_ds = random_split(
        full_ds, [n_train, n_val, n_test], generator=torch.Generator().manual_seed(CFG["seed"])
    )
    train_dl = DataLoader(train_ds, batch_size=CFG["batch_size"], shuffle=True, num_workers=4)
    val_dl = DataLoader(val_ds, batch_size=64, num_workers=4)
    test_dl = DataLoader(test_ds, batch_size=64, num_workers=4)

    model = build_densenet().to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=CFG["lr"], weight_decay=1e-4)
    criterion = nn.BCEWithLogitsLoss()

    best_auc, bad_epochs = 0.0, 0
    for epoch in range(CFG["epochs"]):
        model.train()
        running = 0.0
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x).squeeze(1), y)
            loss.backward()
            optimizer.step()
            running += loss.item() * len(y)
        val_p, val_y = predict(model, val_dl, device)
        val_auc = roc_auc_score(val_y, val_p)
        log.info("epoch %d train_loss %.4f val_auc %.4f", epoch, running / n_train, val_auc)
        if val_auc > best_auc:
            best_auc, bad_epochs = val_auc, 0
            torch.save(model.state_dict(), args.out)
        else:
            bad_epochs += 1
            if bad_epochs >= CFG["patience"]:
                log.info("early stop at epoch %d", epoch)
                break

    # decision threshold: maximise F1 on the validation split
    model.load_state_dict(torch.load(args.out, map_location=device))
    val_p, val_y = predict(model, val_dl, device)
    grid = np.linspace(0.05, 0.95, 91)
    thr = grid[int(np.argmax([f1_score(val_y, val_p >= t) for t in grid]))]

    test_p, test_y = predict(model, test_dl, device)
    train_labels = manifest["label"].to_numpy()[train_ds.indices]
    prior = DummyClassifier(strategy="prior").fit(np.zeros((n_train, 1)), train_labels)
    prior_p = prior.predict_proba(np.zeros((len(test_y), 1)))[:, 1]
    log.info("baseline  AUROC %.3f AP %.3f", roc_auc_score(test_y, prior_p), average_precision_score(test_y, prior_p))
    log.info(
        "densenet  AUROC %.3f AP %.3f F1@%.2f %.3f",
        roc_auc_score(test_y, test_p),
        average_precision_score(test_y, test_p),
        thr,
        f1_score(test_y, test_p >= thr),
    )


if __name__ == "__main__":
    main()
