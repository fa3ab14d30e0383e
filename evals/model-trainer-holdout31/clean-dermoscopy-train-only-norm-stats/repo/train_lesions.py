"""7-class dermoscopic lesion classifier (EfficientNet-B0 via timm) with a metadata-only baseline."""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.impute import SimpleImputer
from torch import nn
from torch.utils.data import DataLoader

from derm.data import CLASSES, LesionImages, channel_stats, split_by_patient, transforms
from derm.reproducibility import make_deterministic, worker_init

log = logging.getLogger("derm")


def evaluate(model, loader, device):
    model.eval()
    probs, ys = [], []
    with torch.inference_mode():
        for x, y in loader:
            probs.append(model(x.to(device)).softmax(1).cpu())
            ys.append(y)
    p, y = torch.cat(probs).numpy(), torch.cat(ys).numpy()
    return p, y


def summarise(y, p):
    return {"balanced_acc": balanced_accuracy_score(y, p.argmax(1)),
            "macro_f1": f1_score(y, p.argmax(1), average="macro"),
            "macro_auc": roc_auc_score(y, p, multi_class="ovr", average="macro")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--meta", default="data/lesions_metadata.csv")
    ap.add_argument("--images", default="data/images")
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=314)
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    gen = make_deterministic(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    meta = pd.read_csv(args.meta)
    train_df, val_df, test_df = split_by_patient(meta, args.seed)
    mean, std = channel_stats(train_df, args.images, args.size)
    log.info("train-set channel mean %s std %s", np.round(mean, 4), np.round(std, 4))
    tf_train, tf_eval = transforms(args.size, mean, std)

    def loader(df, tf, shuffle):
        return DataLoader(LesionImages(df, args.images, tf), batch_size=32, shuffle=shuffle, num_workers=4,
                          worker_init_fn=worker_init, generator=gen)

    train_dl, val_dl, test_dl = loader(train_df, tf_train, True), loader(val_df, tf_eval, False), loader(test_df, tf_eval, False)

    freq = np.bincount(LesionImages(train_df, args.images, tf_eval).y, minlength=len(CLASSES))
    criterion = nn.CrossEntropyLoss(weight=torch.tensor(freq.sum() / (len(CLASSES) * np.maximum(freq, 1)),
                                                        dtype=torch.float32, device=device),
                                    label_smoothing=0.05)
    model = timm.create_model("efficientnet_b0", pretrained=True, num_classes=len(CLASSES)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-4, total_steps=args.epochs * len(train_dl))

    out = Path(args.out); out.mkdir(parents=True, exist_ok=True)
    best, stale = -np.inf, 0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            opt.zero_grad(set_to_none=True)
            loss = criterion(model(x.to(device)), y.to(device))
            loss.backward()
            opt.step()
            sched.step()
        p_va, y_va = evaluate(model, val_dl, device)
        val = summarise(y_va, p_va)
        log.info("epoch %d %s", epoch, {k: round(v, 4) for k, v in val.items()})
        if val["balanced_acc"] > best:
            best, stale = val["balanced_acc"], 0
            torch.save(model.state_dict(), out / "effb0_best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(out / "effb0_best.pt", map_location=device))
    p_te, y_te = evaluate(model, test_dl, device)

    meta_cols_num, meta_cols_cat = ["age"], ["sex", "localization"]
    meta_lr = make_pipeline(
        make_column_transformer(
            (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), meta_cols_num),
            (make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), meta_cols_cat)),
        LogisticRegression(max_iter=2000, class_weight="balanced"))
    meta_lr.fit(train_df[meta_cols_num + meta_cols_cat], train_df["dx"].map(CLASSES.index))
    p_meta = meta_lr.predict_proba(test_df[meta_cols_num + meta_cols_cat])

    report = {"metadata_logreg": summarise(y_te, p_meta), "efficientnet_b0": summarise(y_te, p_te)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
