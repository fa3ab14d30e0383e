import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import f1_score, mean_absolute_error
from torch.utils.data import DataLoader

from data import ReviewDataset, build_vocab, collate
from model import TextCNN


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def evaluate(model, loader, device):
    preds, golds = [], []
    with torch.no_grad():
        for x, y in loader:
            logits = model(x.to(device))
            preds.extend(logits.argmax(dim=1).cpu().tolist())
            golds.extend(y.tolist())
    return {
        "macro_f1": f1_score(golds, preds, average="macro"),
        "mae_stars": mean_absolute_error(golds, preds),
    }


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    dcfg, mcfg, tcfg = cfg["data"], cfg["model"], cfg["train"]
    seed_everything(tcfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_texts = pd.read_csv(dcfg["train"])[dcfg["text_col"]].dropna()
    vocab = build_vocab(train_texts, min_freq=dcfg["min_freq"])
    ds = {split: ReviewDataset(dcfg[split], vocab, dcfg["text_col"], dcfg["label_col"], dcfg["max_len"])
          for split in ("train", "valid", "test")}
    train_dl = DataLoader(ds["train"], batch_size=tcfg["batch_size"], shuffle=True, collate_fn=collate)
    valid_dl = DataLoader(ds["valid"], batch_size=256, collate_fn=collate)
    test_dl = DataLoader(ds["test"], batch_size=256, collate_fn=collate)

    model = TextCNN(len(vocab), mcfg["embed_dim"], mcfg["num_filters"], mcfg["kernel_sizes"],
                    num_classes=5, dropout=mcfg["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    criterion = nn.CrossEntropyLoss()

    best_f1 = -1.0
    Path(tcfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(1, tcfg["epochs"] + 1):
        model.train()
        running = 0.0
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            running += loss.item() * x.size(0)

        val = evaluate(model, valid_dl, device)
        print(f"epoch {epoch} train_loss={running / len(ds['train']):.4f} "
              f"val_f1={val['macro_f1']:.4f} val_mae={val['mae_stars']:.3f}")
        if val["macro_f1"] > best_f1:
            best_f1 = val["macro_f1"]
            torch.save(model.state_dict(), tcfg["checkpoint"])

    model.load_state_dict(torch.load(tcfg["checkpoint"], map_location=device))
    test = evaluate(model, test_dl, device)
    print(f"test macro-F1={test['macro_f1']:.4f}  test MAE (stars)={test['mae_stars']:.3f}")


if __name__ == "__main__":
    main()
