from pathlib import Path

import pandas as pd
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader, TensorDataset

from model import CharCNN
from utils import CharEncoder, evaluate, set_seed

LABELS = {"negative": 0, "neutral": 1, "positive": 2}


def make_loader(path, encoder, batch_size, shuffle):
    df = pd.read_parquet(path, columns=["review_text", "sentiment"]).dropna()
    x = torch.stack([encoder(t) for t in df["review_text"]])
    y = torch.tensor(df["sentiment"].map(LABELS).values, dtype=torch.long)
    return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=shuffle)


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out_dir = Path(cfg["paths"]["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    enc = CharEncoder(cfg["text"]["alphabet"], cfg["text"]["max_chars"])
    bs = cfg["optim"]["batch_size"]
    train_dl = make_loader(cfg["paths"]["train"], enc, bs, shuffle=True)
    valid_dl = make_loader(cfg["paths"]["valid"], enc, bs, shuffle=False)
    test_dl = make_loader(cfg["paths"]["test"], enc, bs, shuffle=False)

    model = CharCNN(enc.size, **cfg["model"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])
    counts = torch.bincount(train_dl.dataset.tensors[1], minlength=3).float()
    criterion = nn.CrossEntropyLoss(weight=(counts.sum() / (3 * counts)).to(device))

    best, bad_epochs = -1.0, 0
    for epoch in range(cfg["optim"]["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad(set_to_none=True)
            loss = criterion(model(x), y)
            loss.backward()
            opt.step()

        val = evaluate(model, valid_dl, device, criterion)
        print(f"epoch {epoch:02d}  val_loss {val['loss']:.4f}  val_f1 {val['macro_f1']:.4f}")
        if val["macro_f1"] > best:
            best, bad_epochs = val["macro_f1"], 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["optim"]["patience"]:
                break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    test = evaluate(model, test_dl, device)
    print(f"TEST macro-F1 {test['macro_f1']:.4f}  acc {test['acc']:.4f}")


if __name__ == "__main__":
    main()
