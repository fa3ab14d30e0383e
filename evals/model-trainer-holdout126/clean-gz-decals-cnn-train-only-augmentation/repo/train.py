import argparse

import torch
import torchvision
import yaml
from torch import nn
from torch.utils.data import DataLoader

from data import make_datasets
from utils import accuracy, set_seed


def run_epoch(model, loader, device, loss_fn, optimizer=None):
    training = optimizer is not None
    model.train(training)
    tot_loss, tot_acc, n = 0.0, 0.0, 0
    with torch.set_grad_enabled(training):
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            loss = loss_fn(logits, y)
            if training:
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                optimizer.step()
            tot_loss += loss.item() * len(y)
            tot_acc += accuracy(logits, y) * len(y)
            n += len(y)
    return tot_loss / n, tot_acc / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_ds, val_ds, test_ds = make_datasets(cfg)
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=6, pin_memory=True)
    val_dl = DataLoader(val_ds, batch_size=256, num_workers=6)
    test_dl = DataLoader(test_ds, batch_size=256, num_workers=6)

    model = torchvision.models.efficientnet_b0(num_classes=len(cfg["classes"])).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    loss_fn = nn.CrossEntropyLoss()

    best_val = float("inf")
    for epoch in range(cfg["epochs"]):
        tr_loss, tr_acc = run_epoch(model, train_dl, device, loss_fn, optimizer)
        va_loss, va_acc = run_epoch(model, val_dl, device, loss_fn)
        print(f"{epoch:02d} train {tr_loss:.4f}/{tr_acc:.3f}  val {va_loss:.4f}/{va_acc:.3f}")
        if va_loss < best_val:
            best_val = va_loss
            torch.save(model.state_dict(), cfg["checkpoint"])

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    te_loss, te_acc = run_epoch(model, test_dl, device, loss_fn)
    print(f"test loss {te_loss:.4f}  test acc {te_acc:.3f}")


if __name__ == "__main__":
    main()
