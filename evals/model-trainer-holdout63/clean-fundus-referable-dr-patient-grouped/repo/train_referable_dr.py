"""Referable diabetic retinopathy (grade >= 2) detector: EfficientNet-B3 fine-tune, patient-level splits."""
import argparse
import json
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score, roc_curve
from torch.utils.data import DataLoader
from torchvision import models

from fundus_data import FundusDataset, fundus_transforms, load_labels, patient_split


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_model():
    model = models.efficientnet_b3(weights=models.EfficientNet_B3_Weights.IMAGENET1K_V1)
    model.classifier[1] = nn.Linear(model.classifier[1].in_features, 1)
    return model


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(torch.sigmoid(model(x.to(device)).squeeze(1)).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


def youden_threshold(y, p):
    fpr, tpr, thr = roc_curve(y, p)
    return float(thr[np.argmax(tpr - fpr)])


def sens_spec(y, p, thr):
    pred = p >= thr
    return float(pred[y == 1].mean()), float((~pred)[y == 0].mean())


def main(args):
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    df = load_labels(args.labels)
    train_df, val_df, test_df = patient_split(df, args.seed)
    print({n: (len(d), round(d.referable.mean(), 3)) for n, d in [("train", train_df), ("val", val_df), ("test", test_df)]})

    mk = lambda d, tr: DataLoader(FundusDataset(d, args.images, fundus_transforms(args.size, tr)),
                                  batch_size=args.batch_size, shuffle=tr, num_workers=8, pin_memory=True)
    train_dl, val_dl, test_dl = mk(train_df, True), mk(val_df, False), mk(test_df, False)

    model = build_model().to(device)
    pos_weight = torch.tensor([(1 - train_df.referable.mean()) / train_df.referable.mean()], device=device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=2)

    best_auc, wait = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x).squeeze(1), y)
            loss.backward()
            optimizer.step()
        y_val, p_val = predict(model, val_dl, device)
        val_auc = roc_auc_score(y_val, p_val)
        scheduler.step(val_auc)
        print(f"epoch {epoch + 1}: loss={loss.item():.4f} val_auc={val_auc:.4f}")
        if val_auc > best_auc:
            best_auc, wait = val_auc, 0
            torch.save(model.state_dict(), args.checkpoint)
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(args.checkpoint, map_location=device))
    y_val, p_val = predict(model, val_dl, device)
    thr = youden_threshold(y_val, p_val)
    y_test, p_test = predict(model, test_dl, device)
    sens, spec = sens_spec(y_test, p_test, thr)
    prevalence = float(train_df.referable.mean())
    results = {
        "threshold_from_val": thr,
        "test_auc": roc_auc_score(y_test, p_test),
        "test_average_precision": average_precision_score(y_test, p_test),
        "test_sensitivity": sens,
        "test_specificity": spec,
        "test_brier": brier_score_loss(y_test, p_test),
        "baseline_prevalence_brier": brier_score_loss(y_test, np.full_like(p_test, prevalence)),
        "baseline_prevalence_ap": float(y_test.mean()),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", default="data/eyepacs/trainLabels.csv")
    ap.add_argument("--images", default="data/eyepacs/train_512")
    ap.add_argument("--size", type=int, default=448)
    ap.add_argument("--batch-size", type=int, default=24)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--patience", type=int, default=4)
    ap.add_argument("--seed", type=int, default=99)
    ap.add_argument("--checkpoint", default="effb3_referable_best.pt")
    main(ap.parse_args())
