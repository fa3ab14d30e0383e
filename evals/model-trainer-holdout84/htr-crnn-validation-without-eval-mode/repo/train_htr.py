"""Train a CRNN+CTC handwritten line recognizer on IAM (writer-independent split)."""
import argparse
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from htr.data import Charset, IamLines, collate, read_split
from htr.metrics import cer, wer
from htr.model import CRNN


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    running = 0.0
    for images, targets, target_lengths, _ in loader:
        images = images.to(device)
        log_probs = model(images)
        input_lengths = torch.full((images.size(0),), log_probs.size(0), dtype=torch.long)
        loss = criterion(log_probs, targets, input_lengths, target_lengths)
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        running += loss.item()
    return running / len(loader)


def validate(model, loader, criterion, charset, device):
    total, preds, refs = 0.0, [], []
    for images, targets, target_lengths, texts in loader:
        images = images.to(device)
        log_probs = model(images)
        input_lengths = torch.full((images.size(0),), log_probs.size(0), dtype=torch.long)
        total += criterion(log_probs, targets, input_lengths, target_lengths).item()
        best = log_probs.argmax(-1).transpose(0, 1).cpu().tolist()
        preds.extend(charset.decode_greedy(seq) for seq in best)
        refs.extend(texts)
    return total / len(loader), cer(preds, refs), wer(preds, refs)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="configs/iam_lines.yaml")
    cfg = yaml.safe_load(open(p.parse_args().config))
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    root = cfg["data_root"]
    train_s = read_split(root, cfg["splits"]["train"])
    val_s = read_split(root, cfg["splits"]["val"])
    test_s = read_split(root, cfg["splits"]["test"])
    charset = Charset("".join(t for _, t in train_s))

    mk = lambda s: IamLines(root, s, charset, cfg["img_height"], cfg["max_width"])
    train_dl = DataLoader(mk(train_s), batch_size=cfg["batch_size"], shuffle=True,
                          collate_fn=collate, num_workers=cfg["num_workers"])
    val_dl = DataLoader(mk(val_s), batch_size=cfg["batch_size"], collate_fn=collate)
    test_dl = DataLoader(mk(test_s), batch_size=cfg["batch_size"], collate_fn=collate)

    model = CRNN(len(charset), cfg["img_height"], cfg["dropout"]).to(device)
    criterion = nn.CTCLoss(blank=0, zero_infinity=True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=4)

    ckpt_dir = Path(cfg["checkpoint_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best_cer, bad_epochs = float("inf"), 0
    for epoch in range(1, cfg["epochs"] + 1):
        tr_loss = train_one_epoch(model, train_dl, criterion, optimizer, device)
        va_loss, va_cer, va_wer = validate(model, val_dl, criterion, charset, device)
        scheduler.step(va_cer)
        print(f"epoch {epoch:03d} train_loss={tr_loss:.4f} val_loss={va_loss:.4f} "
              f"val_CER={va_cer:.4f} val_WER={va_wer:.4f}")
        if va_cer < best_cer:
            best_cer, bad_epochs = va_cer, 0
            torch.save({"model": model.state_dict(), "chars": charset.chars, "epoch": epoch},
                       ckpt_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    state = torch.load(ckpt_dir / "best.pt", map_location=device)
    model.load_state_dict(state["model"])
    te_loss, te_cer, te_wer = validate(model, test_dl, criterion, charset, device)
    print(f"test CER={te_cer:.4f} WER={te_wer:.4f} (best val CER={best_cer:.4f})")


if __name__ == "__main__":
    main()
